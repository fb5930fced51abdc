import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { serializeTask } from './serialize-task'

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED'])

export interface TaskEventOptions {
  /** How often the stream looks at the task row (the worker writes progress there). */
  intervalMs?: number
  /** A comment line this often keeps proxies from closing an idle stream. */
  heartbeatMs?: number
  /** One stream's lifetime; EventSource reconnects by itself and gets the current state. */
  maxMs?: number
  signal?: AbortSignal
}

/**
 * Live progress of one task as Server-Sent Events: `event: task` with the serialized task
 * whenever its state changes (the blueprint once it has succeeded), then the stream ends
 * when the task is finished. A stranger's id is the same 404 as a missing one, before any
 * stream starts. The row is read by primary key once per interval: one indexed lookup per
 * watcher, which a few hundred open pages cost less than their own polling would (no
 * session lookup, no request per tick).
 */
export async function streamTaskEvents(user: SessionUser, id: string, opts: TaskEventOptions = {}): Promise<Response> {
  const { intervalMs = 750, heartbeatMs = 15_000, maxMs = 5 * 60_000, signal } = opts
  // Ticks read the task row alone; the blueprint (tens of kB) only once, with the final state.
  const read = (blueprint = false) => getDb().choreographyTask.findFirst({ where: { id, ownerId: user.id }, include: { blueprint } })
  const first = await read(true)
  if (!first) throw AppError.notFound('Choreography')

  const encoder = new TextEncoder()
  let stop = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = ''
      let timer: ReturnType<typeof setTimeout> | undefined
      let closed = false
      const started = Date.now()
      let lastWrite = Date.now()
      const write = (s: string) => { controller.enqueue(encoder.encode(s)); lastWrite = Date.now() }
      const close = () => {
        if (closed) return
        closed = true
        clearTimeout(timer)
        signal?.removeEventListener('abort', close)
        try { controller.close() } catch { /* the reader already went away */ }
      }
      stop = close
      signal?.addEventListener('abort', close)

      const send = (task: NonNullable<Awaited<ReturnType<typeof read>>>) => {
        const done = TERMINAL.has(task.status)
        const data = serializeTask(task, { withBlueprint: task.status === 'SUCCEEDED' })
        const key = `${task.status}|${task.stage}|${task.progress}|${task.error}|${task.outputKey}`
        if (key !== last) { last = key; write(`event: task\ndata: ${JSON.stringify({ task: data })}\n\n`) }
        return done
      }
      const tick = async () => {
        if (closed) return
        try {
          const light = await read()
          const task = light?.status === 'SUCCEEDED' ? await read(true) : light
          if (closed) return
          if (!task) { write('event: gone\ndata: {}\n\n'); return close() }
          if (send(task) || Date.now() - started > maxMs) return close()
          if (Date.now() - lastWrite > heartbeatMs) write(': keep-alive\n\n')
        } catch {
          // A database hiccup ends this stream; the browser reconnects (or falls back to polling).
          return close()
        }
        timer = setTimeout(tick, intervalMs)
      }
      write('retry: 2000\n\n')
      if (send(first)) return close()
      timer = setTimeout(tick, intervalMs)
    },
    cancel() { stop() },
  })
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: Next's gzip would otherwise hold small events back until a block fills.
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    },
  })
}
