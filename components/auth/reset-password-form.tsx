'use client'

import Link from 'next/link'
import { useSyncExternalStore } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { fetchJson } from '@/components/ui/fetch-json'
import { TextField } from '@/components/ui/text-field'
import { useFormSubmit } from '@/components/profile/use-form-submit'

// The token arrives in the URL fragment, which never reaches a server log: read it in the browser.
const readToken = () => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? ''
const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function ResetPasswordForm() {
  const token = useSyncExternalStore(subscribe, readToken, () => null)
  const { pending, error, fields, done, run } = useFormSubmit()

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    void run(async () => {
      await fetchJson('/api/auth/password-reset/confirm', { body: { token, password: String(form.get('password') ?? '') } })
      // The link is spent: drop it from the address bar and the history entry.
      window.history.replaceState(null, '', '/reset-password')
      return 'Your password is set. Every device was signed out: sign in with the new password.'
    })
  }

  if (done) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">{done}</p>
        <Link href="/sign-in" className="inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Sign in</Link>
      </div>
    )
  }
  if (token === null) return null // server render: the fragment is only known in the browser
  if (!token) {
    return (
      <Alert>
        This page needs the link from the reset email. <Link href="/forgot-password" className="underline">Ask for a new link</Link>.
      </Alert>
    )
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Set a new password" noValidate>
      {error && (
        <Alert>
          {error} {fields.password ? null : <Link href="/forgot-password" className="underline">Ask for a new link</Link>}
        </Alert>
      )}
      <TextField label="New password" name="password" type="password" autoComplete="new-password" required minLength={10} errors={fields.password} />
      <p className="text-xs text-stone-600">At least 10 characters.</p>
      <Button type="submit" disabled={pending} className="w-full">{pending ? 'Saving…' : 'Set new password'}</Button>
    </form>
  )
}
