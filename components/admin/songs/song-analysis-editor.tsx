'use client'

import { useEffect, useRef, useState } from 'react'
import { AnalysisPlot, type Envelope } from '@/components/generate/analysis-plot'
import { Alert } from '@/components/ui/alert'
import { ConfirmDialog } from '@/components/ui/confirm-dialog'
import { fetchJson } from '@/components/ui/fetch-json'
import type { AnalysisAdjustment } from '@/lib/engines/audio/adjust-analysis'
import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { AnalysisDetails } from './analysis-details'
import { describeCorrection } from './describe-correction'
import { TimeInput } from './time-input'

interface Props {
  song: { id: string; title: string; analysis: SongAnalysis; corrections: AnalysisAdjustment[] }
  canCorrect: boolean
}
type Corrected = { song: { analysis: SongAnalysis; corrections: AnalysisAdjustment[] } }

const btn = 'rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100 disabled:opacity-50'
const seconds = (text: string) => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text))

/**
 * The analysis of one song with the corrections the analysis API accepts. Each correction is
 * sent as it is made and the plot redraws from the answer (the server's analysis, not a guess
 * made here). Times come from the audio player's playhead, a click on the plot, or typing.
 */
export function SongAnalysisEditor({ song, canCorrect }: Props) {
  const audio = useRef<HTMLAudioElement>(null)
  const [analysis, setAnalysis] = useState(song.analysis)
  const [corrections, setCorrections] = useState(song.corrections)
  const [envelope, setEnvelope] = useState<Envelope | null>(null)
  const [time, setTime] = useState('')
  const [breakStart, setBreakStart] = useState('')
  const [breakEnd, setBreakEnd] = useState('')
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [confirmReset, setConfirmReset] = useState(false)

  useEffect(() => {
    // The loudness curve is its own request; the plot draws without it meanwhile.
    fetchJson<Envelope>(`/api/songs/${song.id}/energy`).then(setEnvelope).catch(() => {})
  }, [song.id])

  const playhead = () => String(Math.round((audio.current?.currentTime ?? 0) * 100) / 100)

  async function send(method: 'PATCH' | 'DELETE', body: AnalysisAdjustment | undefined, done: string) {
    setPending(true)
    setError(null)
    try {
      const res = await fetchJson<Corrected>(`/api/songs/${song.id}/analysis`, { method, body })
      setAnalysis(res.song.analysis)
      setCorrections(res.song.corrections)
      setStatus(`${done} ${res.song.analysis.countOne.length} eight-counts at ${Math.round(res.song.analysis.bpm)} BPM.`)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setPending(false)
    }
  }

  const t = seconds(time), start = seconds(breakStart), end = seconds(breakEnd)
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <AnalysisPlot analysis={analysis} title={song.title} envelope={envelope} detailed marker={t} onPickTime={canCorrect ? (s) => setTime(String(s)) : undefined} />
        <audio ref={audio} controls preload="metadata" src={`/api/songs/${song.id}/audio`} className="w-full" aria-label={`Listen to ${song.title}`} />
        <p aria-live="polite" role="status" className="text-sm text-stone-700" data-testid="correction-status">{status}</p>
        {error && <Alert>{error}</Alert>}
      </div>

      {canCorrect ? (
        <section aria-labelledby="correct-heading" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="correct-heading" className="text-lg font-semibold">Correct the count</h2>
          <p className="text-sm text-stone-600">Play the song, pause where count one really is (or click the plot), then apply. Every choreography made afterwards uses the corrected grid.</p>
          <fieldset className="space-y-2">
            <legend className="font-medium">Count one</legend>
            <TimeInput label="Time (seconds)" value={time} onChange={setTime} onPlayhead={() => setTime(playhead())} />
            <div className="flex flex-wrap gap-2">
              <button type="button" className={btn} disabled={pending || t === null}
                onClick={() => t !== null && send('PATCH', { kind: 'count-one-from', time: t }, 'Count one moved from there on:')}>
                Count one is here from now on
              </button>
              <button type="button" className={btn} disabled={pending} onClick={() => send('PATCH', { kind: 'shift', beats: -1 }, 'Shifted a beat earlier:')}>
                Count one a beat earlier (whole song)
              </button>
              <button type="button" className={btn} disabled={pending} onClick={() => send('PATCH', { kind: 'shift', beats: 1 }, 'Shifted a beat later:')}>
                Count one a beat later (whole song)
              </button>
            </div>
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="font-medium">Tempo</legend>
            <div className="flex flex-wrap gap-2">
              <button type="button" className={btn} disabled={pending} onClick={() => send('PATCH', { kind: 'tempo', factor: 2 }, 'Tempo doubled:')}>Tempo ×2</button>
              <button type="button" className={btn} disabled={pending} onClick={() => send('PATCH', { kind: 'tempo', factor: 0.5 }, 'Tempo halved:')}>Tempo ÷2</button>
            </div>
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="font-medium">Mark a break</legend>
            <div className="flex flex-wrap gap-4">
              <TimeInput label="Break starts (seconds)" value={breakStart} onChange={setBreakStart} onPlayhead={() => setBreakStart(playhead())} />
              <TimeInput label="Break ends (seconds)" value={breakEnd} onChange={setBreakEnd} onPlayhead={() => setBreakEnd(playhead())} />
            </div>
            <button type="button" className={btn} disabled={pending || start === null || end === null}
              onClick={() => start !== null && end !== null && send('PATCH', { kind: 'break', start, end }, 'Break marked; the count restarts after it:')}>
              Mark break
            </button>
          </fieldset>
          <section aria-labelledby="applied-heading" className="space-y-2">
            <h3 id="applied-heading" className="font-medium">Corrections applied</h3>
            {corrections.length === 0 ? <p className="text-sm text-stone-600">None: this is the automatic analysis.</p> : (
              <ol className="list-inside list-decimal text-sm" data-testid="corrections">
                {corrections.map((c, i) => <li key={i}>{describeCorrection(c)}</li>)}
              </ol>
            )}
            <p className="text-xs text-stone-600">Corrections are kept in order and applied again if the song is re-analysed; they can be undone all together.</p>
            <button id="reset-analysis" type="button" className={btn} disabled={pending || corrections.length === 0} onClick={() => setConfirmReset(true)}>
              Reset to the automatic analysis
            </button>
          </section>
        </section>
      ) : (
        <p className="text-sm text-stone-600">Only the uploader, an instructor (public songs) or an admin can correct this analysis.</p>
      )}

      <AnalysisDetails analysis={analysis} />

      <ConfirmDialog open={confirmReset} title="Drop every correction?" confirmLabel="Reset" cancelLabel="Keep them" busyLabel="Resetting…"
        onClose={() => setConfirmReset(false)}
        onConfirm={async () => { await send('DELETE', undefined, 'Back to the automatic analysis:'); setConfirmReset(false) }}>
        The song goes back to the automatic analysis; choreographies made from now on use it.
      </ConfirmDialog>
    </div>
  )
}
