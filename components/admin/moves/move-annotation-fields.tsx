'use client'

import { COUNTS, DIFFICULTIES, ENERGIES, FACINGS, FAMILIES, HOLDS, MOODS, STYLES, WEIGHT_FEET } from '@/lib/engines/dance/vocabulary-values'
import type { ClipTimingWarnings } from '@/lib/engines/audio/compare-clip-timing'
import { CheckboxGroup, InputField, SelectField, TextAreaField } from './move-fields'
import type { FormField, MoveFormValues, StateValues } from './move-form-values'

interface Props {
  values: MoveFormValues
  onChange: (next: MoveFormValues) => void
  errors: Partial<Record<FormField, string[]>>
  warnings: ClipTimingWarnings
  /** What the clip's music says, shown beside the tempo and first-count fields. */
  timingHint?: React.ReactNode
  /** The id names the stored clip: set once at ingest. */
  idEditable: boolean
}

/**
 * Every field of a move's annotation, the vocabulary from the same lists the server's schema
 * is built from (vocabulary-values), so the form never offers a word the server refuses.
 */
export function MoveAnnotationFields({ values, onChange, errors, warnings, timingHint, idEditable }: Props) {
  const set = <K extends keyof MoveFormValues>(key: K, value: MoveFormValues[K]) => onChange({ ...values, [key]: value })
  const text = (key: 'id' | 'name' | 'variant' | 'tags' | 'nativeBpm' | 'firstCountOffset') =>
    ({ value: values[key], onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(key, e.target.value), errors: errors[key] })
  const area = (key: 'leadNotes' | 'followNotes' | 'description') =>
    ({ value: values[key], onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) => set(key, e.target.value), errors: errors[key] })
  const pick = (key: 'family' | 'difficulty' | 'energy' | 'counts') =>
    ({ value: values[key], onChange: (e: React.ChangeEvent<HTMLSelectElement>) => set(key, e.target.value), errors: errors[key] })

  return (
    <div className="space-y-6">
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">The move</legend>
        <InputField label="Id" {...text('id')} readOnly={!idEditable} hint={idEditable ? 'Lowercase words joined by hyphens, e.g. wrap-turn-right. It names the clip and cannot change later.' : 'The id names the clip and cannot change.'} />
        <InputField label="Name" {...text('name')} maxLength={200} />
        <SelectField label="Family" {...pick('family')} options={FAMILIES} placeholder="Choose a family" />
        <InputField label="Variant" {...text('variant')} />
        <SelectField label="Level" {...pick('difficulty')} options={DIFFICULTIES} placeholder="Choose a level" />
        <SelectField label="Energy" {...pick('energy')} options={ENERGIES} placeholder="Choose an energy" />
        <CheckboxGroup label="Styles" options={STYLES} value={values.styles} onChange={(v) => set('styles', v)} errors={errors.styles} />
        <CheckboxGroup label="Moods" options={MOODS} value={values.moods} onChange={(v) => set('moods', v)} errors={errors.moods} />
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-lg font-semibold">Timing</legend>
        <SelectField label="Counts" {...pick('counts')} options={COUNTS} />
        <InputField label="Native tempo (BPM)" {...text('nativeBpm')} type="number" step="0.1" inputMode="decimal" warnings={warnings.nativeBpm} />
        <InputField label="First count at (seconds)" {...text('firstCountOffset')} type="number" step="0.001" inputMode="decimal" warnings={warnings.firstCountOffset} />
        {timingHint ? <div className="sm:col-span-3">{timingHint}</div> : null}
      </fieldset>

      <div className="grid gap-6 sm:grid-cols-2">
        {(['entry', 'exit'] as const).map((side) => (
          <StateFields key={side} side={side} value={values[side]} onChange={(v) => set(side, v)} errors={errors} />
        ))}
      </div>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={values.loopable} onChange={(e) => set('loopable', e.target.checked)} className="h-4 w-4 accent-brand-600" aria-describedby={errors.loopable ? 'loopable-error' : undefined} />
        <span className="text-sm font-medium">Loopable (can repeat back to back)</span>
      </label>
      {errors.loopable ? <p id="loopable-error" className="text-sm text-red-700">{errors.loopable.join(' ')}</p> : null}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Notes and search text</legend>
        <TextAreaField label="Lead notes" {...area('leadNotes')} />
        <TextAreaField label="Follow notes" {...area('followNotes')} />
        <TextAreaField label="Description" {...area('description')} className="sm:col-span-2" />
        <InputField label="Tags (comma separated)" {...text('tags')} className="sm:col-span-2" />
      </fieldset>
    </div>
  )
}

function StateFields({ side, value, onChange, errors }: { side: 'entry' | 'exit'; value: StateValues; onChange: (v: StateValues) => void; errors: Props['errors'] }) {
  const title = side === 'entry' ? 'Entry' : 'Exit'
  const pick = (key: keyof StateValues) => ({
    value: value[key], onChange: (e: React.ChangeEvent<HTMLSelectElement>) => onChange({ ...value, [key]: e.target.value }),
    errors: errors[`${side}.${key}` as FormField],
  })
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-1 text-lg font-semibold">{title} state</legend>
      <SelectField label={`${title} hold`} {...pick('hold')} options={HOLDS} placeholder="Choose a hold" />
      <SelectField label={`${title} lead weight`} {...pick('leadWeight')} options={WEIGHT_FEET} placeholder="Choose a foot" />
      <SelectField label={`${title} facing`} {...pick('facing')} options={FACINGS} placeholder="Choose a facing" />
    </fieldset>
  )
}
