'use client'

import { useRef, useState } from 'react'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'
import { AnalysisPlot, type Envelope } from './analysis-plot'
import { FailedSongAlert } from './failed-song-alert'
import { postSong } from './post-song'
import type { PickableSong } from './song-picker'
import { waitForAnalysis, type AnalysisPoll } from './wait-for-analysis'

const MAX_BYTES = 60 * 1024 * 1024
const ACCEPT = '.mp3,.wav,.flac,.ogg,.opus,.m4a,.aac,audio/*'

type UploadedSong = PickableSong & Pick<AnalysisPoll, 'analysisStatus' | 'analysisError'> & { analysis?: SongAnalysis | null }
interface Uploaded { song: UploadedSong }
type Failed = { id: string; title: string; message: string }

/** Drop or choose a song; shows upload progress, "Analysing…" while the server works on it
 * (polled), then what the analysis found, or why it failed (with a way to delete it). */
export function SongUpload({ onUploaded }: { onUploaded: (song: PickableSong) => void }) {
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const [progress, setProgress] = useState<number | null>(null)
  const [analysing, setAnalysing] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<(UploadedSong & { analysis: SongAnalysis }) | null>(null)
  const [failed, setFailed] = useState<Failed | null>(null)
  const [envelope, setEnvelope] = useState<Envelope | null>(null)

  async function send(file: File | undefined) {
    if (!file) return
    setError(null); setDone(null); setEnvelope(null); setFailed(null)
    if (file.size > MAX_BYTES) { setError(`That file is ${(file.size / 1048576).toFixed(0)} MB; songs can be up to 60 MB.`); return }
    setProgress(0)
    try {
      const title = file.name.replace(/\.[a-z0-9]+$/i, '').replace(/[_-]+/g, ' ').trim().slice(0, 200) || 'My song'
      const res = await postSong<Uploaded>(file, { title }, (p) => { setProgress(p); if (p >= 100) setAnalysing(true) })
      setProgress(null)
      setAnalysing(true)
      const poll = res.song.analysisStatus === 'analysing' ? await waitForAnalysis(res.song.id) : { ...res.song, songId: res.song.id }
      if (poll.analysisStatus === 'failed' || !poll.analysis) {
        setFailed({ id: res.song.id, title: res.song.title, message: poll.analysisError?.message ?? 'The analysis failed' })
        return
      }
      // The list's figures (tempo, energy, length) come with the finished analysis.
      const song = { ...res.song, analysisStatus: 'ready' as const, analysis: poll.analysis, bpm: poll.analysis.bpm, durationSeconds: poll.analysis.durationSeconds }
      setDone(song)
      onUploaded(song)
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
          <input ref={input} type="file" accept={ACCEPT} className="sr-only" onChange={(e) => void send(e.target.files?.[0])} disabled={progress !== null || analysing} />
        </label>
      </div>
      <div className="space-y-1" role="status" aria-live="polite">
        {(progress !== null || analysing) && (
          <p className="text-sm">{analysing ? 'Analysing… the music\'s tempo, beats, count 1 and sections' : `Uploading… ${Math.round(progress ?? 0)}%`}</p>
        )}
      </div>
      {progress !== null && !analysing && (
        <div role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress)}
          className="h-2 w-full overflow-hidden rounded-full bg-stone-200">
          <div className="h-full bg-brand-600" style={{ width: `${progress}%` }} />
        </div>
      )}
      {error && <Alert>{error}</Alert>}
      {failed && <FailedSongAlert song={failed} message={failed.message} onDeleted={() => setFailed(null)} />}
      {done && (
        <div className="space-y-2">
          <p className="text-sm"><strong>{done.title}</strong> is in your library and selected.</p>
          <AnalysisPlot analysis={done.analysis} title={done.title} envelope={envelope} />
        </div>
      )}
    </div>
  )
}
