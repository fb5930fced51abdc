'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { fetchJson } from '@/components/ui/fetch-json'

interface EmbedResult { embedderId: string; dims: number; ms: number; indexed: boolean }

/** Disable (DELETE: never chosen or found again) or enable (PATCH {enabled:true}) the move, and
 * recompute its embedding now (POST /embed), which reports the embedder that made it. */
export function MoveStatusActions({ id, enabled }: { id: string; enabled: boolean }) {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const url = `/api/moves/${encodeURIComponent(id)}`

  async function run(action: () => Promise<string>) {
    setPending(true)
    setMessage(null)
    try {
      setMessage({ ok: true, text: await action() })
      router.refresh()
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message })
    } finally {
      setPending(false)
    }
  }

  const toggle = () => run(async () => {
    if (enabled) {
      await fetchJson(url, { method: 'DELETE' })
      return 'Disabled: dancers no longer find it and new choreographies do not use it.'
    }
    await fetchJson(url, { method: 'PATCH', body: { enabled: true } })
    return 'Enabled: it is back in search and choreographies.'
  })
  const embed = () => run(async () => {
    const r = await fetchJson<EmbedResult>(`${url}/embed`, { method: 'POST' })
    return `Re-embedded with ${r.embedderId} (${r.dims} dimensions, ${r.ms} ms)${r.indexed ? '' : '; it stays out of search while disabled'}.`
  })

  const button = 'rounded-md border border-stone-300 bg-white px-4 py-2 font-medium text-stone-800 hover:bg-stone-100 disabled:opacity-50'
  return (
    <section aria-labelledby="move-status-title" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="move-status-title" className="text-lg font-semibold">Status: {enabled ? 'enabled' : 'disabled'}</h2>
      <div className="flex flex-wrap gap-3">
        <button type="button" className={button} disabled={pending} onClick={toggle}>{enabled ? 'Disable move' : 'Enable move'}</button>
        <button type="button" className={button} disabled={pending} onClick={embed}>Re-embed now</button>
      </div>
      <p role="status" className={`text-sm ${message?.ok === false ? 'text-red-700' : 'text-stone-700'}`}>{message?.text ?? ''}</p>
    </section>
  )
}
