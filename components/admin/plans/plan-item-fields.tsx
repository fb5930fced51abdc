'use client'

import { useState } from 'react'

/** Notes and minutes for one item, saved together. */
export function PlanItemFields({ n, notes, durationMinutes, onSave }: {
  n: number; notes: string; durationMinutes: number | null
  onSave: (v: { notes: string; durationMinutes: number | null }) => Promise<void>
}) {
  const [text, setText] = useState(notes)
  const [minutes, setMinutes] = useState(durationMinutes === null ? '' : String(durationMinutes))
  const dirty = text !== notes || minutes !== (durationMinutes === null ? '' : String(durationMinutes))
  return (
    <form
      onSubmit={(e) => { e.preventDefault(); void onSave({ notes: text, durationMinutes: minutes === '' ? null : Number(minutes) }) }}
      className="flex flex-wrap items-end gap-2"
    >
      <label className="min-w-0 flex-1 basis-56 text-sm">Notes for item {n}
        <textarea value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} rows={2} className="mt-1 block w-full rounded-md border border-stone-300 px-2 py-1" />
      </label>
      <label className="text-sm">Minutes for item {n}
        <input type="number" inputMode="numeric" min={1} max={240} step={1} value={minutes} onChange={(e) => setMinutes(e.target.value)}
          className="mt-1 block w-24 rounded-md border border-stone-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={!dirty} className="rounded-md border border-stone-300 px-3 py-1.5 text-sm disabled:opacity-40">Save item {n}</button>
    </form>
  )
}
