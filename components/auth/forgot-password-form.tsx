'use client'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { fetchJson } from '@/components/ui/fetch-json'
import { TextField } from '@/components/ui/text-field'
import { useFormSubmit } from '@/components/profile/use-form-submit'

/** Asks for a reset link. The answer is the same whether or not the email has an account. */
export function ForgotPasswordForm() {
  const { pending, error, fields, done, run } = useFormSubmit()

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    void run(async () => (await fetchJson<{ message: string }>('/api/auth/password-reset', { body: { email: String(form.get('email') ?? '') } })).message)
  }

  if (done) return <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{done}</p>
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Reset password" noValidate>
      {error && <Alert>{error}</Alert>}
      <TextField label="Email" name="email" type="email" autoComplete="email" required errors={fields.email} />
      <Button type="submit" disabled={pending} className="w-full">{pending ? 'Sending…' : 'Send me a reset link'}</Button>
    </form>
  )
}
