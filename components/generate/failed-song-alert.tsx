'use client'

import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'

/** An uploaded song whose analysis failed: why, and a button to delete it (it is stored and
 * counts toward the storage quota until then). */
export function FailedSongAlert({ song, message, onDeleted }: { song: { id: string; title: string }; message: string; onDeleted: () => void }) {
  const [error, setError] = useState<string | null>(null)
  async function remove() {
    try {
      await fetchJson(`/api/songs/${encodeURIComponent(song.id)}`, { method: 'DELETE' })
      onDeleted()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  return (
    <Alert>
      <strong>{song.title}</strong> could not be analysed: {message}{' '}
      <button type="button" className="font-medium underline" onClick={() => void remove()}>Delete it</button>
      {error && <span className="block">{error}</span>}
    </Alert>
  )
}
