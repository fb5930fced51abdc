'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import type { ChoreographyParams } from '@/lib/engines/dance/choreography-params'
import { applyParamDefaults, type DefaultedParam, type ParamDefaults } from '@/lib/engines/request/apply-param-defaults'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { fetchJson } from '@/components/ui/fetch-json'
import { DefaultsNote } from './defaults-note'
import { ParamChips } from './param-chips'
import { SongPicker, type PickableSong } from './song-picker'
import { SongUpload } from './song-upload'

const EXAMPLES = [
  'Romantic beginner routine with a few easy turns, no dips, two minutes',
  'Energetic sensual combo with body waves and a dip at the end, 1 minute',
  'Traditional Dominican footwork, intermediate, the whole song',
  'Smooth and playful, lots of turns but nothing too close, 90 seconds',
]

/** Params as the API takes them explicitly: the parser's bookkeeping stays on the server. */
function explicitParams(p: ChoreographyParams) {
  const { parser: _parser, warnings: _warnings, ...rest } = p
  return rest
}

/** Pick a song → say what you want → check what was understood (the profile's defaults
 * filling what the request left open) → generate. */
export function GenerateFlow({ songs, initialSongId, defaults }: { songs: PickableSong[]; initialSongId: string | null; defaults: ParamDefaults }) {
  const router = useRouter()
  const [library, setLibrary] = useState(songs)
  const [songId, setSongId] = useState<string | null>(initialSongId)
  const [text, setText] = useState('')
  const [params, setParams] = useState<ChoreographyParams | null>(null)
  const [readText, setReadText] = useState('')
  const [filled, setFilled] = useState<DefaultedParam[]>([])
  const [busy, setBusy] = useState<'reading' | 'generating' | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function read(e?: React.FormEvent) {
    e?.preventDefault()
    if (!text.trim()) { setError('Write what you want first, or pick an example.'); return }
    setBusy('reading'); setError(null)
    try {
      const res = await fetchJson<{ params: ChoreographyParams }>('/api/requests/parse', { body: { text } })
      const applied = applyParamDefaults(res.params, defaults)
      setParams(applied.params)
      setFilled(applied.filled)
      setReadText(text)
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(null)
    }
  }

  async function generate() {
    if (!songId) { setError('Pick a song first.'); return }
    if (!params) return
    setBusy('generating'); setError(null)
    try {
      const res = await fetchJson<{ id: string }>('/api/choreographies', {
        body: { songId, request: readText || undefined, params: explicitParams(params) },
      })
      router.push(`/choreographies/${res.id}`)
    } catch (err) {
      setError((err as Error).message)
      setBusy(null)
    }
  }

  const stale = params !== null && text !== readText
  return (
    <div className="space-y-8">
      <section aria-labelledby="step-song" className="space-y-3">
        <h2 id="step-song" className="text-xl font-semibold">1. Pick a song</h2>
        <SongPicker songs={library} selectedId={songId} onSelect={setSongId} />
        <details className="rounded-lg border border-stone-200 bg-white p-3">
          <summary className="cursor-pointer font-medium">Or upload your own song</summary>
          <div className="mt-3">
            <SongUpload onUploaded={(s) => { setLibrary((l) => [s, ...l.filter((x) => x.id !== s.id)]); setSongId(s.id) }} />
          </div>
        </details>
      </section>

      <section aria-labelledby="step-request" className="space-y-3">
        <h2 id="step-request" className="text-xl font-semibold">2. Say what you want</h2>
        <form onSubmit={read} className="space-y-3">
          <label className="block text-sm">
            <span className="font-medium">Your request</span>
            <textarea value={text} onChange={(e) => setText(e.target.value)} maxLength={500} rows={3}
              placeholder="romantic beginner routine with a few easy turns, no dips, two minutes"
              className="mt-1 w-full rounded-md border border-stone-300 px-3 py-2" />
          </label>
          <div className="flex flex-wrap gap-2" aria-label="Examples" role="group">
            {EXAMPLES.map((ex) => (
              <button key={ex} type="button" onClick={() => setText(ex)}
                className="rounded-full border border-stone-300 bg-white px-3 py-1 text-left text-xs text-stone-700 hover:border-brand-500">
                {ex}
              </button>
            ))}
          </div>
          <DefaultsNote defaults={defaults} />
          <Button type="submit" variant={params && !stale ? 'secondary' : 'primary'} disabled={busy !== null}>
            {busy === 'reading' ? 'Reading…' : params ? 'Read it again' : 'Read my request'}
          </Button>
        </form>
      </section>

      {params && (
        <section aria-labelledby="step-check" className="space-y-3">
          <h2 id="step-check" className="text-xl font-semibold">3. Check what we understood</h2>
          {stale && <p className="text-sm text-amber-800">You changed the request: read it again to update these.</p>}
          {filled.length > 0 && <DefaultsNote defaults={defaults} only={filled} />}
          <ParamChips params={params} onChange={setParams} />
          <Button type="button" onClick={generate} disabled={busy !== null || !songId}>
            {busy === 'generating' ? 'Generating…' : 'Generate choreography'}
          </Button>
          {!songId && <p className="text-sm text-stone-600">Pick a song above to generate.</p>}
        </section>
      )}
      <div aria-live="polite">{error && <Alert>{error}</Alert>}</div>
    </div>
  )
}
