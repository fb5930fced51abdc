'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'

/**
 * One text field that creates a record and opens it (a collection, a class plan): POST
 * `{ [field]: text }` to `endpoint`, read the new id at `resultKey`, go to `openAt` + id.
 */
export function CreateAndOpenForm({ formLabel, fieldLabel, field, maxLength, endpoint, resultKey, openAt, buttonLabel }: {
  formLabel: string; fieldLabel: string; field: string; maxLength: number
  endpoint: string; resultKey: string; openAt: string; buttonLabel: string
}) {
  const router = useRouter()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  async function create(e: React.FormEvent) {
    e.preventDefault()
    setError(null)
    try {
      const made = await fetchJson<Record<string, { id: string }>>(endpoint, { body: { [field]: text } })
      router.push(`${openAt}${made[resultKey].id}`)
    } catch (err) { setError((err as Error).message) }
  }
  return (
    <form onSubmit={create} className="flex flex-wrap items-end gap-2" aria-label={formLabel}>
      <label className="text-sm">
        <span className="block font-medium">{fieldLabel}</span>
        <input value={text} onChange={(e) => setText(e.target.value)} required maxLength={maxLength} className="mt-1 block w-72 max-w-full rounded-md border border-stone-300 bg-white px-3 py-2" />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">{buttonLabel}</button>
      {error && <div className="w-full"><Alert>{error}</Alert></div>}
    </form>
  )
}
