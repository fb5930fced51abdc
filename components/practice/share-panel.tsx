'use client'

import { useEffect, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'

interface Link { id: string; createdAt: string; expiresAt: string | null; revokedAt: string | null; url?: string }

/** Read-only links to this choreography: create one (shown once), copy it, revoke any. */
export function SharePanel({ taskId }: { taskId: string }) {
  const [links, setLinks] = useState<Link[]>([])
  const [fresh, setFresh] = useState<Link | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)
  const base = `/api/choreographies/${taskId}/share`

  useEffect(() => {
    fetchJson<{ items: Link[] }>(base).then((r) => setLinks(r.items)).catch((e) => setError((e as Error).message))
  }, [base])

  async function create() {
    setError(null); setCopied(false)
    try {
      const { link } = await fetchJson<{ link: Link & { url: string } }>(base, { body: {} })
      setFresh(link)
      setLinks((l) => [link, ...l])
    } catch (e) { setError((e as Error).message) }
  }
  async function revoke(id: string) {
    setError(null)
    try {
      await fetchJson(`${base}/${id}`, { method: 'DELETE' })
      setLinks((l) => l.map((x) => (x.id === id ? { ...x, revokedAt: new Date().toISOString() } : x)))
      if (fresh?.id === id) setFresh(null)
    } catch (e) { setError((e as Error).message) }
  }
  async function copy(url: string) {
    await navigator.clipboard?.writeText(url).then(() => setCopied(true)).catch(() => setCopied(false))
  }

  const live = links.filter((l) => !l.revokedAt)
  return (
    <section aria-labelledby="share-title" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="share-title" className="text-lg font-semibold">Share</h2>
      <p className="text-sm text-stone-600">Anyone with a link can watch and practise this video, signed out. Nothing else of yours is shown.</p>
      <button type="button" onClick={create} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
        Create a share link
      </button>
      {fresh?.url && (
        <div className="flex flex-wrap items-center gap-2">
          <label className="min-w-0 flex-1 text-sm">
            <span className="sr-only">Share link</span>
            <input readOnly value={fresh.url} onFocus={(e) => e.target.select()} aria-label="Share link" className="w-full rounded-md border border-stone-300 px-2 py-1 font-mono text-xs" />
          </label>
          <button type="button" onClick={() => copy(fresh.url!)} className="rounded-md border border-stone-300 px-3 py-1 text-sm">{copied ? 'Copied' : 'Copy'}</button>
        </div>
      )}
      {live.length > 0 && (
        <ul aria-label="Live share links" className="space-y-1 text-sm">
          {live.map((l) => (
            <li key={l.id} className="flex items-center justify-between gap-2">
              <span>Link made {new Date(l.createdAt).toLocaleString()}{l.expiresAt ? `, expires ${new Date(l.expiresAt).toLocaleDateString()}` : ''}</span>
              <button type="button" onClick={() => revoke(l.id)} className="rounded-md border border-stone-300 px-2 py-0.5">Revoke</button>
            </li>
          ))}
        </ul>
      )}
      {error && <Alert>{error}</Alert>}
    </section>
  )
}
