'use client'

import { useState } from 'react'
import type { Plan } from './plan-types'

export interface PlanDetails { title: string; description: string; level: string | null; scheduledFor: string | null; shared: boolean }

const LEVELS = ['beginner', 'intermediate', 'advanced'] as const
/** <input type="datetime-local"> works without a zone; this screen reads and writes UTC, as the sheet prints it. */
const toInput = (iso: string | null) => (iso ? iso.slice(0, 16) : '')
const fromInput = (v: string) => (v ? `${v}:00.000Z` : null)

/** Title, description, level, date and the public switch of one plan. */
export function PlanDetailsForm({ plan, onSave }: { plan: Plan; onSave: (d: PlanDetails) => Promise<boolean> }) {
  const [title, setTitle] = useState(plan.title)
  const [description, setDescription] = useState(plan.description)
  const [level, setLevel] = useState(plan.level ?? '')
  const [when, setWhen] = useState(toInput(plan.scheduledFor))
  const [shared, setShared] = useState(plan.shared)
  const [saved, setSaved] = useState(false)
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setSaved(false)
    setSaved(await onSave({ title, description, level: level || null, scheduledFor: fromInput(when), shared }))
  }
  const input = 'mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2'
  return (
    <form onSubmit={submit} aria-label="Plan details" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
      <label className="text-sm font-medium sm:col-span-2">Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={120} className={input} />
      </label>
      <label className="text-sm font-medium sm:col-span-2">Description
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} rows={2} className={input} />
      </label>
      <label className="text-sm font-medium">Level
        <select value={level} onChange={(e) => setLevel(e.target.value)} className={input}>
          <option value="">Any level</option>
          {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
        </select>
      </label>
      <label className="text-sm font-medium">Date and time (UTC)
        <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} className={input} />
      </label>
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} className="h-4 w-4" />
        Shared: anyone with the link can read this plan, with your instructor profile
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Save details</button>
        <span role="status" className="text-sm text-stone-600">{saved ? 'Saved.' : ''}</span>
      </div>
    </form>
  )
}
