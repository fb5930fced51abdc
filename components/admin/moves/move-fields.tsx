'use client'

import { useId } from 'react'
import { vocabularyLabel } from './vocabulary-label'

/** The annotation form's inputs: labelled, errors (red) and warnings (amber) tied to the input
 * by aria-describedby so a screen reader reads them with it. */
const inputClass = 'mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-500 aria-invalid:border-red-600 read-only:bg-stone-100 read-only:text-stone-700'

interface Common { label: string; errors?: string[]; warnings?: string[]; hint?: React.ReactNode; className?: string }

function Messages({ id, errors, warnings, hint }: { id: string; errors?: string[]; warnings?: string[]; hint?: React.ReactNode }) {
  return (
    <div id={id}>
      {hint ? <p className="mt-1 text-sm text-stone-600">{hint}</p> : null}
      {warnings?.length ? <p className="mt-1 text-sm text-amber-800">Warning: {warnings.join(' ')}</p> : null}
      {errors?.length ? <p className="mt-1 text-sm text-red-700">{errors.join(' ')}</p> : null}
    </div>
  )
}

const describedBy = (id: string, c: Common) => (c.errors?.length || c.warnings?.length || c.hint ? id : undefined)

export function InputField({ label, errors, warnings, hint, className, ...input }: Common & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId()
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">{label}</label>
      <input id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(`${id}-m`, { label, errors, warnings, hint })} className={inputClass} {...input} />
      <Messages id={`${id}-m`} errors={errors} warnings={warnings} hint={hint} />
    </div>
  )
}

export function TextAreaField({ label, errors, className, ...area }: Common & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId()
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">{label}</label>
      <textarea id={id} rows={3} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-m` : undefined} className={inputClass} {...area} />
      <Messages id={`${id}-m`} errors={errors} />
    </div>
  )
}

export function SelectField({ label, errors, className, options, placeholder, ...select }: Common & { options: readonly (string | number)[]; placeholder?: string } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId()
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">{label}</label>
      <select id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={errors?.length ? `${id}-m` : undefined} className={inputClass} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o} value={String(o)}>{typeof o === 'number' ? o : vocabularyLabel(o)}</option>)}
      </select>
      <Messages id={`${id}-m`} errors={errors} />
    </div>
  )
}

/** Several of a list (styles, moods): a fieldset of checkboxes, its legend the label. */
export function CheckboxGroup({ label, errors, className, options, value, onChange }: Common & { options: readonly string[]; value: string[]; onChange: (next: string[]) => void }) {
  const id = useId()
  const toggle = (o: string, on: boolean) => onChange(on ? [...value, o] : value.filter((v) => v !== o))
  return (
    <fieldset className={className} aria-describedby={errors?.length ? `${id}-m` : undefined} aria-invalid={errors?.length ? true : undefined}>
      <legend className="text-sm font-medium text-stone-800">{label}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o} className="inline-flex items-center gap-1.5 text-sm">
            <input type="checkbox" checked={value.includes(o)} onChange={(e) => toggle(o, e.target.checked)} className="h-4 w-4 accent-brand-600" />
            {vocabularyLabel(o)}
          </label>
        ))}
      </div>
      <Messages id={`${id}-m`} errors={errors} />
    </fieldset>
  )
}
