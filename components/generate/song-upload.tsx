'use client'

import { useRef, useState } from 'react'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'
import { AnalysisPlot, type Envelope } from './analysis-plot'
import { postSong } from './post-song'
import type { PickableSong } from './song-picker'

const MAX_BYTES = 60 * 1024 * 1024
const ACCEPT = '.mp3,.wav,.flac,.ogg,.opus,.m4a,.aac,audio/*'

interface Uploaded { song: PickableSong & { analysis: SongAnalysis } }

/** Drop or choose a song; shows upload progress, then what the analysis found. */
export function SongUpload({ onUploaded }: { onUploaded: (song: PickableSong) => void }) {
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const [progress, setProgress] = useState<number | null>(null)
  const [analysing, setAnalysing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<Uploaded['song'] | null>(null)
  const [envelope, setEnvelope] = useState<Envelope | null>(null)

  async function send(file: File | undefined) {
    if (!file) return
    setError(null); setDone(null); setEnvelope(null)
    if (file.size > MAX_BYTES) { setError(`That file is ${(file.size / 1048576).toFixed(0)} MB; songs can be up to 60 MB.`); return }
    setProgress(0)
    try {
      const title = file.name.replace(/\.[a-z0-9]+$/i, '').replace(/[_-]+/g, ' ').trim().slice(0, 200) || 'My song'
      const res = await postSong<Uploaded>(file, { title }, (p) => { setProgress(p); if (p >= 100) setAnalysing(true) })
      setDone(res.song)
      onUploaded(res.song)
      // The loudness curve is its own small request; the plot draws without it meanwhile.
      fetchJson<Envelope>(`/api/songs/${res.song.id}/energy`).then(setEnvelope).catch(() => {})
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setProgress(null); setAnalysing(false)
      if (input.current) input.current.value = ''
    }
  }

  return (
    <div className="space-y-3">
      <div
        onDragOver={(e) => { e.preventDefault(); setOver(true) }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); void send(e.dataTransfer.files[0]) }}
        className={`rounded-lg border-2 border-dashed p-4 text-center text-sm ${over ? 'border-brand-600 bg-brand-50' : 'border-stone-300 bg-white'}`}>
        <p>Drop a song here (mp3, wav, flac, ogg, m4a; up to 60 MB), or</p>
        <label className="mt-2 inline-block cursor-pointer rounded-md border border-stone-300 bg-white px-3 py-1.5 font-medium hover:bg-stone-100 focus-within:outline focus-within:outline-2 focus-within:outline-brand-600">
          choose a file
          <input ref={input} type="file" accept={ACCEPT} className="sr-only" onChange={(e) => void send(e.target.files?.[0])} disabled={progress !== null} />
        </label>
      </div>
      {progress !== null && (
        <div className="space-y-1" aria-live="polite">
          <p className="text-sm">{analysing ? 'Analysing the music: tempo, beats, count 1, sections…' : `Uploading… ${Math.round(progress)}%`}</p>
          <div role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress)}
            className="h-2 w-full overflow-hidden rounded-full bg-stone-200">
            <div className="h-full bg-brand-600" style={{ width: `${progress}%` }} />
          </div>
        </div>
      )}
      {error && <Alert>{error}</Alert>}
      {done && (
        <div className="space-y-2">
          <p className="text-sm"><strong>{done.title}</strong> is in your library and selected.</p>
          <AnalysisPlot analysis={done.analysis} title={done.title} envelope={envelope} />
        </div>
      )}
    </div>
  )
}
