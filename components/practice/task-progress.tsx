'use client'

import { useEffect, useRef, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { fetchJson } from '@/components/ui/fetch-json'

export interface TaskState {
  id: string
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED'
  stage: string | null
  progress: number
  error: string | null
}

const STAGES: Record<string, string> = {
  queued: 'Waiting for the video renderer',
  preparing: 'Fetching the song and the move clips',
  segments: 'Retiming each move to the music',
  joining: 'Joining the moves',
  muxing: 'Adding the music',
  poster: 'Making the poster',
  uploading: 'Saving the video',
  retrying: 'Something went wrong; trying again',
  done: 'Done',
}

export const isActive = (s: TaskState['status']) => s === 'QUEUED' || s === 'RUNNING'

/**
 * Follows a render live (Server-Sent Events, else polling once a second; the page never reloads). The parent keeps
 * the highest progress seen, so the bar never moves backwards even when a retry restarts.
 */
export function TaskProgress({ task, onUpdate, onRetry }: { task: TaskState; onUpdate: (t: TaskState) => void; onRetry: () => void }) {
  const [error, setError] = useState<string | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const update = useRef(onUpdate)
  useEffect(() => { update.current = onUpdate })

  const active = isActive(task.status)
  useEffect(() => {
    if (!active) return
    const ctl = new AbortController()
    let timer: ReturnType<typeof setInterval> | undefined
    const poll = () => {
      timer = setInterval(() => {
        fetchJson<{ task: TaskState }>(`/api/choreographies/${task.id}`, { signal: ctl.signal })
          .then((r) => { setError(null); update.current(r.task) })
          .catch((e) => { if ((e as Error).name !== 'AbortError') setError((e as Error).message) })
      }, 1000)
    }
    // Server-Sent Events first; any failure of the stream (a proxy that buffers or blocks it,
    // an old browser) falls back to polling once a second for the rest of this render.
    if (typeof EventSource === 'undefined') { poll(); return () => { clearInterval(timer); ctl.abort() } }
    const source = new EventSource(`/api/choreographies/${task.id}/events`)
    source.addEventListener('task', (e) => { setError(null); update.current(JSON.parse((e as MessageEvent<string>).data).task) })
    source.onerror = () => {
      source.close()
      if (!ctl.signal.aborted && timer === undefined) poll()
    }
    return () => { source.close(); clearInterval(timer); ctl.abort() }
  }, [task.id, active])

  async function cancel() {
    setCancelling(true)
    try {
      update.current((await fetchJson<{ task: TaskState }>(`/api/choreographies/${task.id}/cancel`, { method: 'POST' })).task)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setCancelling(false)
    }
  }

  if (task.status === 'FAILED' || task.status === 'CANCELLED') {
    return (
      <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 className="text-lg font-semibold">{task.status === 'FAILED' ? 'The video could not be made' : 'Cancelled'}</h2>
        <p className="text-stone-700">
          {task.status === 'FAILED' ? task.error ?? 'The renderer gave up without a reason.' : 'You cancelled this render.'}
        </p>
        <Button type="button" onClick={onRetry}>Try again</Button>
      </div>
    )
  }
  const label = STAGES[task.stage ?? (task.status === 'QUEUED' ? 'queued' : 'preparing')] ?? task.stage ?? 'Working'
  return (
    <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 className="text-lg font-semibold">Making your video</h2>
      <p aria-live="polite" data-testid="task-stage">{label}…</p>
      <div role="progressbar" aria-label="Render progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(task.progress)}
        className="h-3 w-full overflow-hidden rounded-full bg-stone-200">
        <div className="h-full bg-brand-600 transition-[width] duration-500" style={{ width: `${task.progress}%` }} />
      </div>
      {task.stage === 'retrying' && task.error && <p className="text-sm text-stone-600">{task.error}</p>}
      {error && <Alert>{error}</Alert>}
      <Button type="button" variant="secondary" onClick={cancel} disabled={cancelling}>{cancelling ? 'Cancelling…' : 'Cancel'}</Button>
    </div>
  )
}
