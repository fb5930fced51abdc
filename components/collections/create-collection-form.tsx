'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'

export function CreateCollectionForm() {
  const router = useRouter()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  async function create(e: React.FormEvent) {
    e.preventDefault()
    setError(null)
    try {
      const { collection } = await fetchJson<{ collection: { id: string } }>('/api/collections', { body: { name } })
      router.push(`/collections/${collection.id}`)
    } catch (err) { setError((err as Error).message) }
  }
  return (
    <form onSubmit={create} className="flex flex-wrap items-end gap-2" aria-label="New collection">
      <label className="text-sm">
        <span className="block font-medium">New collection</span>
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} className="mt-1 rounded-md border border-stone-300 px-3 py-2" />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Create</button>
      {error && <div className="w-full"><Alert>{error}</Alert></div>}
    </form>
  )
}
