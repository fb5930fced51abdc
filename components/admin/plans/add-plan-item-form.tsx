'use client'

import { useState } from 'react'
import type { PlanMoveSource, PlanSource } from './plan-types'

export type AddPlanItemBody = { taskId: string } | { shareToken: string } | { moveId: string }

/** The picker: one of the instructor's choreographies (or a shared one already used), a pasted share link, or a library move. */
export function AddPlanItemForm({ sources, moves, onAdd }: { sources: PlanSource[]; moves: PlanMoveSource[]; onAdd: (body: AddPlanItemBody) => Promise<boolean> }) {
  const [taskId, setTaskId] = useState(sources[0]?.id ?? '')
  const [moveId, setMoveId] = useState(moves[0]?.id ?? '')
  const [link, setLink] = useState('')
  const own = sources.filter((s) => s.own)
  const shared = sources.filter((s) => !s.own)
  const label = (s: PlanSource) => `${s.songTitle}: ${s.request || 'choreography'}${s.status === 'SUCCEEDED' ? '' : ` (${s.status.toLowerCase()})`}`
  return (
    <div className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
      <form onSubmit={(e) => { e.preventDefault(); if (taskId) void onAdd({ taskId }) }} aria-label="Add a choreography" className="space-y-2">
        <label className="block text-sm font-medium">Choreography
          <select value={taskId} onChange={(e) => setTaskId(e.target.value)} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2">
            {sources.length === 0 && <option value="">No choreographies yet</option>}
            {own.length > 0 && <optgroup label="Yours">{own.map((s) => <option key={s.id} value={s.id}>{label(s)}</option>)}</optgroup>}
            {shared.length > 0 && <optgroup label="Shared with you">{shared.map((s) => <option key={s.id} value={s.id}>{label(s)}</option>)}</optgroup>}
          </select>
        </label>
        <button type="submit" disabled={!taskId} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:bg-stone-400">Add to plan</button>
      </form>
      <form onSubmit={(e) => { e.preventDefault(); void onAdd({ shareToken: link }).then((ok) => { if (ok) setLink('') }) }} aria-label="Add a shared choreography" className="space-y-2">
        <label className="block text-sm font-medium">Share link someone sent you
          <input value={link} onChange={(e) => setLink(e.target.value)} required maxLength={300} placeholder="https://…/s/…" className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2" />
        </label>
        <button type="submit" className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100">Add shared choreography</button>
      </form>
      <form onSubmit={(e) => { e.preventDefault(); if (moveId) void onAdd({ moveId }) }} aria-label="Add a library move" className="space-y-2 sm:col-span-2">
        <label className="block text-sm font-medium">Library move
          <select value={moveId} onChange={(e) => setMoveId(e.target.value)} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2">
            {moves.length === 0 && <option value="">No moves in the library</option>}
            {moves.map((m) => <option key={m.id} value={m.id}>{m.name} ({m.family}, {m.difficulty}, {m.counts} counts)</option>)}
          </select>
        </label>
        <button type="submit" disabled={!moveId} className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100 disabled:opacity-40">Add move</button>
      </form>
    </div>
  )
}
