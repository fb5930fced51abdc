'use client'

import { useRef, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { ApiError } from '@/components/ui/fetch-json'
import { compareClipTiming, type ClipTimingWarnings } from '@/lib/engines/audio/compare-clip-timing'
import type { ClipTiming } from '@/lib/engines/audio/find-clip-timing'
import { ClipTimingNote, type ClipTimingState } from './clip-timing-note'
import { MoveAnnotationFields } from './move-annotation-fields'
import { EMPTY_MOVE_FORM, placeFieldErrors, withHint, toAnnotation, toNumber, type FormField, type MoveFormValues } from './move-form-values'
import { IngestedMovePreview, type IngestResult } from './ingested-move-preview'
import { postFormData } from './post-form-data'

/**
 * Upload a clip and annotate it. Choosing the clip asks the server for the timing of its own
 * music (POST /api/moves/clip-timing), which fills the tempo and first count when they are
 * empty and warns where the annotation contradicts it. The server validates on submit; its
 * field errors are shown beside their fields. A success shows what the server made.
 */
export function MoveIngestForm() {
  const [values, setValues] = useState<MoveFormValues>(EMPTY_MOVE_FORM)
  const [clip, setClip] = useState<File | null>(null)
  const [timing, setTiming] = useState<ClipTimingState>({ status: 'idle' })
  const [errors, setErrors] = useState<Partial<Record<FormField, string[]>>>({})
  const [summary, setSummary] = useState<string[]>([])
  const [pending, setPending] = useState(false)
  const [result, setResult] = useState<IngestResult | null>(null)
  const summaryRef = useRef<HTMLDivElement>(null)
  const measured = timing.status === 'done' ? timing.timing : null

  async function chooseClip(file: File | null) {
    setClip(file)
    setErrors((e) => ({ ...e, clip: undefined }))
    if (!file) return setTiming({ status: 'idle' })
    setTiming({ status: 'measuring' })
    const form = new FormData()
    form.append('clip', file)
    try {
      const found = await postFormData<ClipTiming>('/api/moves/clip-timing', form)
      setTiming({ status: 'done', timing: found })
      if (found.audio && found.bpm !== null && found.firstCountOffset !== null) {
        const { bpm, firstCountOffset } = found
        // Only empty fields: what the instructor typed wins, and gets a warning if it disagrees.
        setValues((v) => ({
          ...v,
          nativeBpm: v.nativeBpm.trim() ? v.nativeBpm : String(bpm),
          firstCountOffset: v.firstCountOffset.trim() ? v.firstCountOffset : String(firstCountOffset),
        }))
      }
    } catch (e) {
      setTiming({ status: 'failed', message: (e as Error).message })
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault()
    if (!clip) {
      setErrors({ clip: ['Choose the clip to upload.'] })
      return
    }
    setPending(true)
    setErrors({})
    setSummary([])
    const form = new FormData()
    form.append('annotation', JSON.stringify(toAnnotation(values)))
    form.append('clip', clip)
    try {
      setResult(await postFormData<IngestResult>('/api/moves', form))
    } catch (err) {
      const { placed, rest } = err instanceof ApiError ? placeFieldErrors(err.fields) : { placed: {}, rest: [] }
      setErrors(placed)
      setSummary([withHint((err as Error).message, placed), ...rest])
      requestAnimationFrame(() => summaryRef.current?.focus())
    } finally {
      setPending(false)
    }
  }

  function startAgain() {
    setResult(null)
    setValues(EMPTY_MOVE_FORM)
    setClip(null)
    setTiming({ status: 'idle' })
  }

  if (result) return <IngestedMovePreview result={result} onAnother={startAgain} />

  const warnings: ClipTimingWarnings = compareClipTiming(
    { nativeBpm: toNumber(values.nativeBpm), firstCountOffset: toNumber(values.firstCountOffset) }, measured,
  )
  return (
    <form onSubmit={submit} noValidate aria-label="Ingest a move" className="space-y-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
      {summary.length > 0 && (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert>
            <p className="font-medium">The move was not saved: {summary[0]}</p>
            {summary.length > 1 && <ul className="mt-1 list-disc pl-5">{summary.slice(1).map((m) => <li key={m}>{m}</li>)}</ul>}
          </Alert>
        </div>
      )}
      <div>
        <label htmlFor="move-clip" className="block text-sm font-medium text-stone-800">Clip</label>
        <input
          id="move-clip" type="file" accept="video/*" onChange={(e) => chooseClip(e.target.files?.[0] ?? null)}
          aria-invalid={errors.clip ? true : undefined} aria-describedby="move-clip-help"
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5"
        />
        <p id="move-clip-help" className="mt-1 text-sm text-stone-600">
          A video up to 60 s and 200 MB. With its music track, the tempo and first count are found for you.
          {errors.clip ? <span className="block text-red-700">{errors.clip.join(' ')}</span> : null}
        </p>
      </div>
      <MoveAnnotationFields values={values} onChange={setValues} errors={errors} warnings={warnings} timingHint={<ClipTimingNote state={timing} />} idEditable />
      <Button type="submit" disabled={pending || timing.status === 'measuring'}>{pending ? 'Uploading and normalising…' : 'Ingest move'}</Button>
    </form>
  )
}
