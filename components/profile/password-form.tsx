'use client'

import { Alert } from '@/components/ui/alert'
import { fetchJson } from '@/components/ui/fetch-json'
import { TextField } from '@/components/ui/text-field'
import { SubmitRow } from './submit-row'
import { useFormSubmit } from './use-form-submit'

/** Current password required. The server signs out every other device; this browser gets a
 * new session cookie in the answer and stays signed in. */
export function PasswordForm() {
  const { pending, error, fields, done, run } = useFormSubmit()

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const formEl = e.currentTarget
    const form = new FormData(formEl)
    void run(async () => {
      await fetchJson('/api/me/password', {
        body: { currentPassword: String(form.get('currentPassword') ?? ''), newPassword: String(form.get('newPassword') ?? '') },
      })
      formEl.reset()
      return 'Password changed. You were signed out on every other device.'
    })
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Change password" noValidate>
      {error && <Alert>{error}</Alert>}
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={fields.currentPassword} />
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required minLength={10} errors={fields.newPassword} />
      <p className="text-xs text-stone-600">At least 10 characters.</p>
      <SubmitRow pending={pending} label="Change password" pendingLabel="Changing…" done={done} />
    </form>
  )
}
