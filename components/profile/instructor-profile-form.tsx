'use client'

import { useId, useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { fetchJson } from '@/components/ui/fetch-json'
import { TextField } from '@/components/ui/text-field'
import { SubmitRow } from './submit-row'
import { useFormSubmit } from './use-form-submit'

type Link = { label: string; url: string }
const MAX_LINKS = 5

/** What dancers see beside an instructor's shared class plans. */
export function InstructorProfileForm({ initial }: { initial: { bio: string; school: string; links: Link[] } }) {
  const { pending, error, fields, done, run } = useFormSubmit()
  const [links, setLinks] = useState<Link[]>(initial.links)
  const bioId = useId()

  const setLink = (i: number, change: Partial<Link>) => setLinks((ls) => ls.map((l, j) => (j === i ? { ...l, ...change } : l)))

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    void run(async () => {
      await fetchJson('/api/me/instructor-profile', {
        method: 'PUT',
        body: {
          bio: String(form.get('bio') ?? ''),
          school: String(form.get('school') ?? ''),
          links: links.filter((l) => l.label.trim() || l.url.trim()),
        },
      })
      return 'Saved.'
    })
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Instructor profile" noValidate>
      {error && <Alert>{error}</Alert>}
      <TextField label="School" name="school" maxLength={120} defaultValue={initial.school} errors={fields.school} />
      <div>
        <label htmlFor={bioId} className="block text-sm font-medium text-stone-800">Bio</label>
        <textarea id={bioId} name="bio" rows={4} maxLength={2000} defaultValue={initial.bio}
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2" />
        {fields.bio && <p className="mt-1 text-sm text-red-700">{fields.bio.join(' ')}</p>}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-stone-800">Links</legend>
        {links.map((l, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
            <TextField label={`Link ${i + 1} label`} value={l.label} maxLength={40} onChange={(e) => setLink(i, { label: e.target.value })}
              errors={fields[`links.${i}.label`]} />
            <TextField label={`Link ${i + 1} address`} type="url" value={l.url} maxLength={300} placeholder="https://"
              onChange={(e) => setLink(i, { url: e.target.value })} errors={fields[`links.${i}.url`]} />
            <Button type="button" variant="secondary" onClick={() => setLinks((ls) => ls.filter((_, j) => j !== i))}
              aria-label={`Remove link ${i + 1}`}>Remove</Button>
          </div>
        ))}
        {links.length < MAX_LINKS && (
          <Button type="button" variant="secondary" onClick={() => setLinks((ls) => [...ls, { label: '', url: '' }])}>Add a link</Button>
        )}
      </fieldset>
      <SubmitRow pending={pending} label="Save instructor profile" pendingLabel="Saving…" done={done} />
    </form>
  )
}
