import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/shared/errors'
import { readBodyTimed } from '@/lib/shared/http/read-body-timed'

/** A body that sends the given chunks `gapMs` apart and then, unless `end`, nothing more. */
function body(chunks: string[], gapMs: number, end: boolean) {
  let cancelled = false
  const stream = new ReadableStream<Uint8Array>({
    async start(c) {
      for (const s of chunks) {
        await new Promise((r) => setTimeout(r, gapMs))
        if (cancelled) return
        c.enqueue(new TextEncoder().encode(s))
      }
      if (end) c.close()
    },
    cancel() {
      cancelled = true
    },
  })
  return { stream, wasCancelled: () => cancelled }
}

async function collect(stream: ReadableStream<Uint8Array>, clock: { idleMs: number; totalMs: number }) {
  let text = ''
  for await (const c of readBodyTimed(stream, clock)) text += new TextDecoder().decode(c)
  return text
}

describe('readBodyTimed', () => {
  it('passes a body that keeps arriving through whole', async () => {
    const b = body(['{"a":', '1}'], 5, true)
    expect(await collect(b.stream, { idleMs: 5_000, totalMs: 10_000 })).toBe('{"a":1}')
    expect(b.wasCancelled()).toBe(false)
  })

  it('a body that stops sending is a 408 "stalled", and the read is cancelled', async () => {
    const b = body(['{"a":'], 1, false)
    const err = await collect(b.stream, { idleMs: 100, totalMs: 10_000 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ status: 408, code: 'request_timeout' })
    expect((err as AppError).message).toMatch(/stalled/)
    expect(b.wasCancelled()).toBe(true)
  })

  it('answers the 408 even when cancelling the read never settles (a stalled socket)', async () => {
    let cancelCalled = false
    const stuck = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('{"a":'))
      },
      cancel() {
        cancelCalled = true
        return new Promise<void>(() => {}) // as Next's request body does while the client is silent
      },
    })
    const err = await collect(stuck, { idleMs: 100, totalMs: 10_000 }).catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 408 })
    expect(cancelCalled).toBe(true)
  })

  it('a body that trickles within the idle clock is cut by the total one', async () => {
    const b = body(Array(200).fill('x'), 20, true)
    const err = await collect(b.stream, { idleMs: 1_000, totalMs: 200 }).catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 408 })
    expect((err as AppError).message).toMatch(/longer than/)
    expect(b.wasCancelled()).toBe(true)
  })

  it('a consumer that stops early (a size limit) cancels the read', async () => {
    const b = body(['aaaa', 'bbbb', 'cccc'], 1, false)
    for await (const _ of readBodyTimed(b.stream, { idleMs: 5_000, totalMs: 10_000 })) break
    expect(b.wasCancelled()).toBe(true)
  })
})
