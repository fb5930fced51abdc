'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'
import type { TimedCountIn, TimedMove } from './blueprint-timing'
import { PracticePlayer } from './practice-player'
import { KeepPanel, type CollectionOption } from './keep-panel'
import type { MoveCue } from './move-timeline'
import { SharePanel } from './share-panel'
import { TaskProgress, type TaskState } from './task-progress'

export interface ViewTask extends TaskState {
  songId: string
  request: string | null
  params: Record<string, unknown>
  videoUrl: string | null
  posterUrl: string | null
  downloadUrl: string | null
  blueprint: { start: number; moves: TimedMove[]; countIn?: TimedCountIn | null } | null
}

/** A choreography from queued to practised: live progress, then the player. */
export function ChoreographyView({ initial, favorite, collections, cues, showCounts }: {
  initial: ViewTask; favorite: boolean; collections: CollectionOption[]; cues: Record<string, MoveCue>; showCounts?: boolean
}) {
  const router = useRouter()
  const [task, setTask] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  // A replaced move may be new to this page: once its render lands, the server component
  // reads the cues and posters again (the task itself stays this component's state).
  const replaced = useRef(false)
  useEffect(() => {
    if (task.status === 'SUCCEEDED' && replaced.current) { replaced.current = false; router.refresh() }
  }, [task.status, router])

  async function retry() {
    setError(null)
    try {
      const { parser: _p, warnings: _w, ...params } = task.params
      const res = await fetchJson<{ id: string }>('/api/choreographies', {
        body: { songId: task.songId, request: task.request ?? undefined, params },
      })
      router.push(`/choreographies/${res.id}`)
    } catch (e) {
      setError((e as Error).message)
    }
  }

  /** The old video is gone once the blueprint changes: progress shows until the new one lands. */
  async function replaceMove(index: number) {
    setError(null)
    const before = task.blueprint?.moves[index]?.name
    try {
      const res = await fetchJson<{ task: ViewTask }>(`/api/choreographies/${task.id}/moves/${index}/regenerate`, { method: 'POST' })
      replaced.current = true
      setTask(res.task)
      setNotice(`Move ${index + 1}: ${before} is now ${res.task.blueprint?.moves[index]?.name}.`)
    } catch (e) {
      setError((e as Error).message)
    }
  }

  const ready = task.status === 'SUCCEEDED' && task.videoUrl && task.blueprint
  return (
    <div className="space-y-4">
      {ready ? (
        <>
          <PracticePlayer videoUrl={task.videoUrl!} posterUrl={task.posterUrl} downloadUrl={task.downloadUrl}
            blueprintStart={task.blueprint!.start} moves={task.blueprint!.moves} countIn={task.blueprint!.countIn} cues={cues} onReplaceMove={replaceMove} showCounts={showCounts} />
          <div className="grid gap-4 md:grid-cols-2">
            <KeepPanel taskId={task.id} favorite={favorite} collections={collections} />
            <SharePanel taskId={task.id} />
          </div>
        </>
      ) : (
        <TaskProgress task={task} onUpdate={(t) => setTask((old) => ({ ...old, ...t, progress: t.status === 'SUCCEEDED' ? 100 : Math.max(old.progress, t.progress) }))} onRetry={retry} />
      )}
      {notice && <p role="status" data-testid="replace-notice" className="text-sm text-stone-700">{notice}</p>}
      {error && <Alert>{error}</Alert>}
    </div>
  )
}
