'use client'

import { useId } from 'react'

/** A time in seconds, typed or taken from the audio player's playhead. */
export function TimeInput({ label, value, onChange, onPlayhead }: { label: string; value: string; onChange: (v: string) => void; onPlayhead: () => void }) {
  const id = useId()
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={id} className="block text-sm text-stone-800">{label}</label>
        <input id={id} type="number" inputMode="decimal" min={0} step={0.01} value={value} onChange={(e) => onChange(e.target.value)}
          className="mt-1 w-32 rounded-md border border-stone-300 bg-white px-2 py-1.5" />
      </div>
      <button type="button" onClick={onPlayhead} aria-label={`${label}: use the playhead time`}
        className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100">
        Use playhead
      </button>
    </div>
  )
}
