'use client'

import { useMemo, useRef, useState } from 'react'
import { formatClock } from '@/components/ui/format-clock'

export interface PickableSong {
  id: string
  title: string
  artist: string
  bpm: number | null
  energyClass: string | null
  durationSeconds: number | null
  /** Only a song whose analysis is ready can be picked (an upload answers before it is). */
  analysisStatus?: 'analysing' | 'ready' | 'failed'
}

const TEMPOS = {
  any: { label: 'Any tempo', test: () => true },
  slow: { label: 'Slow (under 115 BPM)', test: (b: number) => b < 115 },
  medium: { label: 'Medium (115–135 BPM)', test: (b: number) => b >= 115 && b <= 135 },
  fast: { label: 'Fast (over 135 BPM)', test: (b: number) => b > 135 },
} as const

/** The song grid: search, tempo and energy filters, one preview player for all cards. */
export function SongPicker({ songs, selectedId, onSelect }: { songs: PickableSong[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const [q, setQ] = useState('')
  const [tempo, setTempo] = useState<keyof typeof TEMPOS>('any')
  const [energy, setEnergy] = useState('any')
  const [playing, setPlaying] = useState<string | null>(null)
  const audio = useRef<HTMLAudioElement>(null)

  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase()
    return songs.filter((s) =>
      (!needle || `${s.title} ${s.artist}`.toLowerCase().includes(needle)) &&
      (s.bpm === null ? tempo === 'any' : TEMPOS[tempo].test(s.bpm)) &&
      (energy === 'any' || s.energyClass === energy))
  }, [songs, q, tempo, energy])

  function preview(id: string) {
    const el = audio.current
    if (!el) return
    if (playing === id) { el.pause(); setPlaying(null); return }
    el.src = `/api/songs/${id}/audio`
    el.play().then(() => setPlaying(id)).catch(() => setPlaying(null))
  }

  return (
    <div className="space-y-3">
      <div className="grid gap-2 sm:grid-cols-3">
        <label className="text-sm">
          <span className="block font-medium">Search songs</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} className="mt-1 w-full rounded-md border border-stone-300 px-3 py-2" />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Tempo</span>
          <select value={tempo} onChange={(e) => setTempo(e.target.value as keyof typeof TEMPOS)} className="mt-1 w-full rounded-md border border-stone-300 bg-white px-3 py-2">
            {Object.entries(TEMPOS).map(([k, v]) => <option key={k} value={k}>{v.label}</option>)}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Energy</span>
          <select value={energy} onChange={(e) => setEnergy(e.target.value)} className="mt-1 w-full rounded-md border border-stone-300 bg-white px-3 py-2">
            <option value="any">Any energy</option>
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </select>
        </label>
      </div>
      <audio ref={audio} onEnded={() => setPlaying(null)} preload="none" />
      {shown.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-4 text-sm text-stone-600">
          {songs.length === 0 ? 'No songs in the library yet.' : 'No song matches these filters.'}
        </p>
      ) : (
        <ul role="radiogroup" aria-label="Songs" className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {shown.map((s) => (
            <li key={s.id} className={`flex min-w-0 items-center gap-2 rounded-lg border bg-white p-3 ${selectedId === s.id ? 'border-brand-600 ring-2 ring-brand-600' : 'border-stone-200'}`}>
              <label className="flex min-w-0 flex-1 cursor-pointer items-start gap-2">
                <input type="radio" name="song" value={s.id} checked={selectedId === s.id} onChange={() => onSelect(s.id)} className="mt-1 accent-brand-600"
                  disabled={s.analysisStatus !== undefined && s.analysisStatus !== 'ready'} />
                <span className="min-w-0">
                  <span className="block truncate font-medium">{s.title}</span>
                  <span className="block text-xs text-stone-600">
                    {s.artist || 'Unknown artist'} · {s.bpm ? `${Math.round(s.bpm)} BPM` : 'tempo unknown'} · {s.energyClass ?? '–'} energy · {formatClock(s.durationSeconds)}
                  </span>
                  {s.analysisStatus === 'analysing' && <span className="block text-xs text-sky-800">Analysing… reload the page in a moment</span>}
                  {s.analysisStatus === 'failed' && <span className="block text-xs text-red-800">Could not be analysed</span>}
                </span>
              </label>
              <button type="button" onClick={() => preview(s.id)} aria-label={`${playing === s.id ? 'Stop' : 'Play'} preview of ${s.title}`}
                className="shrink-0 rounded-full border border-stone-300 px-3 py-1 text-sm hover:bg-stone-100">
                {playing === s.id ? '■' : '▶'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
