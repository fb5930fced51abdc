'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'

/** A new plan needs only a title; the editor it opens does the rest. */
export function CreateClassPlanForm() {
  const router = useRouter()
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string | null>(null)
  async function create(e: React.FormEvent) {
    e.preventDefault()
    setError(null)
    try {
      const { plan } = await fetchJson<{ plan: { id: string } }>('/api/class-plans', { body: { title } })
      router.push(`/admin/plans/${plan.id}`)
    } catch (err) { setError((err as Error).message) }
  }
  return (
    <form onSubmit={create} className="flex flex-wrap items-end gap-2" aria-label="New class plan">
      <label className="text-sm font-medium">New plan title
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={120} className="mt-1 block w-72 max-w-full rounded-md border border-stone-300 bg-white px-3 py-2" />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Create plan</button>
      {error && <div className="w-full"><Alert>{error}</Alert></div>}
    </form>
  )
}
