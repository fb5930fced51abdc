import { AppError } from '@/lib/shared/errors'
import { getEnv } from '@/lib/shared/env'

export interface BodyClock {
  /** No bytes for this long → 408. */
  idleMs: number
  /** The whole body within this → 408 (a trickle of bytes cannot hold a request forever). */
  totalMs: number
}

/** Uploads get the upload limit; a JSON body (≤ a few hundred kB) three idle periods. */
export function bodyClock(kind: 'json' | 'upload'): BodyClock {
  const env = getEnv()
  const idleMs = env.BODY_IDLE_TIMEOUT_SECONDS * 1000
  return { idleMs, totalMs: kind === 'upload' ? env.UPLOAD_TIME_LIMIT_SECONDS * 1000 : 3 * idleMs }
}

/**
 * The chunks of a request body, read against two clocks. When one runs out the read is
 * cancelled and a 408 thrown; the caller's cleanup runs as for any other failure, and the
 * response closes the connection (close-stalled-requests.ts). Stopping early (the caller
 * returns or throws) cancels the read too.
 */
export async function* readBodyTimed(body: ReadableStream<Uint8Array>, clock: BodyClock): AsyncGenerator<Uint8Array> {
  const reader = body.getReader()
  const deadline = Date.now() + clock.totalMs
  let finished = false
  try {
    for (;;) {
      const left = deadline - Date.now()
      const waitMs = Math.min(clock.idleMs, left)
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<'timeout'>((resolve) => { timer = setTimeout(resolve, Math.max(0, waitMs), 'timeout') })
      const next = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer))
      if (next === 'timeout') {
        throw AppError.requestTimeout(waitMs < clock.idleMs
          ? `The request body took longer than ${Math.round(clock.totalMs / 1000)} s`
          : `The request body stalled: nothing arrived for ${Math.round(clock.idleMs / 1000)} s`)
      }
      if (next.done) {
        finished = true
        return
      }
      yield next.value
    }
  } finally {
    // Not awaited: Next's body stream settles a cancel only when the socket next does
    // something, and a stalled client does nothing; the 408 that closes the socket settles it.
    if (!finished) void reader.cancel().catch(() => {})
  }
}
