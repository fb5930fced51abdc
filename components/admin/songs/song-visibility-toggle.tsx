'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { fetchJson } from '@/components/ui/fetch-json'

type Visibility = 'PUBLIC' | 'PRIVATE'

/** Public (in everyone's library) or private (the uploader's own), switched in place. A
 * switch button: its state is announced as pressed, its label names the song. */
export function SongVisibilityToggle({ songId, title, initial }: { songId: string; title: string; initial: Visibility }) {
  const router = useRouter()
  const [visibility, setVisibility] = useState<Visibility>(initial)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const isPublic = visibility === 'PUBLIC'

  async function toggle() {
    setPending(true)
    setError(null)
    try {
      const res = await fetchJson<{ song: { visibility: Visibility } }>(`/api/songs/${songId}`, {
        method: 'PATCH', body: { visibility: isPublic ? 'PRIVATE' : 'PUBLIC' },
      })
      setVisibility(res.song.visibility)
      router.refresh() // the list's visibility filter and counts follow
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setPending(false)
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button" role="switch" aria-checked={isPublic} aria-label={`Public: ${title}`} disabled={pending} onClick={toggle}
        className={`inline-flex items-center gap-2 rounded-full border px-2.5 py-1 text-sm font-medium disabled:opacity-60 ${
          isPublic ? 'border-brand-600 bg-brand-50 text-brand-700' : 'border-stone-300 bg-white text-stone-700'}`}>
        <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${isPublic ? 'bg-brand-600' : 'bg-stone-400'}`} />
        {isPublic ? 'Public' : 'Private'}
      </button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </span>
  )
}
