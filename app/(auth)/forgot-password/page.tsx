import Link from 'next/link'
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form'

export const metadata = { title: 'Forgot password' }

export default function ForgotPasswordPage() {
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold">Forgot your password?</h1>
      <p className="mb-6 text-sm text-stone-700">Give the email you signed up with. We send a link that sets a new password; it works once, for 30 minutes.</p>
      <ForgotPasswordForm />
      <p className="mt-4 text-sm text-stone-700">
        Remembered it? <Link href="/sign-in" className="font-medium text-brand-700 underline">Sign in</Link>
      </p>
    </section>
  )
}
