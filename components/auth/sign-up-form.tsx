'use client'

import { signIn } from 'next-auth/react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'

type Fields = Record<string, string[]>

export function SignUpForm() {
  const router = useRouter()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Fields>({})

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const input = { name: String(form.get('name')), email: String(form.get('email')), password: String(form.get('password')) }
    setPending(true)
    setError(null)
    setFields({})
    try {
      const res = await fetch('/api/auth/register', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      })
      if (!res.ok) {
        const body = await res.json().catch(() => null)
        setError(body?.error?.message ?? 'Could not create the account')
        setFields(body?.error?.fields ?? {})
        return
      }
      const signed = await signIn('credentials', { email: input.email, password: input.password, redirect: false })
      if (signed?.error) {
        router.push('/sign-in')
        return
      }
      router.push('/home')
      router.refresh()
    } finally {
      setPending(false)
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Create account">
      {error && <Alert>{error}</Alert>}
      <TextField label="Name" name="name" autoComplete="name" required maxLength={80} errors={fields.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required errors={fields.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required minLength={10} errors={fields.password} />
      <p className="text-xs text-stone-600">At least 10 characters.</p>
      <Button type="submit" disabled={pending} className="w-full">{pending ? 'Creating account…' : 'Create account'}</Button>
    </form>
  )
}
