'use client'

import { useRouter } from 'next/navigation'
import { useId, useState } from 'react'
import { DIFFICULTIES, STYLES } from '@/lib/engines/dance/vocabulary-values'
import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'
import { TextField } from '@/components/ui/text-field'
import { SubmitRow } from './submit-row'
import { useFormSubmit } from './use-form-submit'

export interface ProfileValues {
  name: string
  preferredDifficulty: string | null
  preferredStyle: string | null
  preferredDurationSeconds: number | null
  showCounts: boolean
}

function Select({ label, name, value, options, anyLabel }: { label: string; name: string; value: string | null; options: readonly string[]; anyLabel: string }) {
  const id = useId()
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''} className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2">
        <option value="">{anyLabel}</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </div>
  )
}

/** Name and the preferences the generate page and the practice player start from. */
export function ProfileForm({ initial }: { initial: ProfileValues }) {
  const router = useRouter()
  const { pending, error, fields, done, run } = useFormSubmit()
  const [length, setLength] = useState(initial.preferredDurationSeconds === null ? '' : String(initial.preferredDurationSeconds))

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const pick = (k: string) => (String(form.get(k) ?? '') || null)
    void run(async () => {
      await fetchJson('/api/me', {
        method: 'PATCH',
        body: {
          name: String(form.get('name') ?? ''),
          preferences: {
            preferredDifficulty: pick('preferredDifficulty'),
            preferredStyle: pick('preferredStyle'),
            preferredDurationSeconds: length === '' ? null : Number(length),
            showCounts: form.get('showCounts') === 'on',
          },
        },
      })
      router.refresh()
      return 'Saved.'
    })
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Name and preferences" noValidate>
      {error && <Alert>{error}</Alert>}
      <TextField label="Name" name="name" autoComplete="name" required maxLength={80} defaultValue={initial.name} errors={fields.name} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-stone-800">Generate starts from</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <Select label="Default level" name="preferredDifficulty" value={initial.preferredDifficulty} options={DIFFICULTIES} anyLabel="any" />
          <Select label="Default style" name="preferredStyle" value={initial.preferredStyle} options={STYLES} anyLabel="any" />
          <TextField label="Default length (seconds)" name="preferredDurationSeconds" type="number" min={8} max={900} step={1}
            placeholder="whole song" value={length} onChange={(e) => setLength(e.target.value)}
            errors={fields['preferences.preferredDurationSeconds']} />
        </div>
        <p className="text-xs text-stone-600">Used where your request does not say; what you write always wins. Length: 8–900 s, empty for the whole song.</p>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="showCounts" defaultChecked={initial.showCounts} className="h-4 w-4" />
        Show the count overlay (1–8) on the practice video
      </label>
      <SubmitRow pending={pending} label="Save profile" pendingLabel="Saving…" done={done} />
    </form>
  )
}
