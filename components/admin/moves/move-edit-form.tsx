'use client'

import { useRouter } from 'next/navigation'
import { useRef, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { ApiError, fetchJson } from '@/components/ui/fetch-json'
import { MoveAnnotationFields } from './move-annotation-fields'
import { placeFieldErrors, withHint, toAnnotation, toFormValues, type FormField, type StoredMove } from './move-form-values'

/** The ingest form's fields, pre-filled, saved with PATCH /api/moves/:id (the whole annotation
 * is re-validated there, so contradictions across fields come back as field errors).
 * `readOnly`: the same fields, disabled and without a save button (another's move). */
export function MoveEditForm({ move, readOnly = false }: { move: StoredMove; readOnly?: boolean }) {
  const router = useRouter()
  const [values, setValues] = useState(() => toFormValues(move))
  const [errors, setErrors] = useState<Partial<Record<FormField, string[]>>>({})
  const [summary, setSummary] = useState<string[]>([])
  const [saved, setSaved] = useState(false)
  const [pending, setPending] = useState(false)
  const summaryRef = useRef<HTMLDivElement>(null)

  async function submit(e: React.FormEvent) {
    e.preventDefault()
    setPending(true)
    setErrors({})
    setSummary([])
    setSaved(false)
    const { id: _id, ...patch } = toAnnotation(values)
    try {
      await fetchJson(`/api/moves/${encodeURIComponent(move.id)}`, { method: 'PATCH', body: patch })
      setSaved(true)
      router.refresh()
    } catch (err) {
      const { placed, rest } = err instanceof ApiError ? placeFieldErrors(err.fields) : { placed: {}, rest: [] }
      setErrors(placed)
      setSummary([withHint((err as Error).message.split(' — ')[0], placed), ...rest])
      requestAnimationFrame(() => summaryRef.current?.focus())
    } finally {
      setPending(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={readOnly ? 'The move' : 'Edit the move'} className="space-y-6 rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
      {summary.length > 0 && (
        <div ref={summaryRef} tabIndex={-1}>
          <Alert>
            <p className="font-medium">Not saved: {summary[0]}</p>
            {summary.length > 1 && <ul className="mt-1 list-disc pl-5">{summary.slice(1).map((m) => <li key={m}>{m}</li>)}</ul>}
          </Alert>
        </div>
      )}
      <fieldset disabled={readOnly} className="min-w-0 space-y-6">
        <MoveAnnotationFields values={values} onChange={(v) => { setValues(v); setSaved(false) }} errors={errors} warnings={{}} idEditable={false} />
      </fieldset>
      {!readOnly && (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save changes'}</Button>
          <p role="status" className="text-sm text-green-800">{saved ? 'Saved. Search finds the move by its new words now.' : ''}</p>
        </div>
      )}
    </form>
  )
}
