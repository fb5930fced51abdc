import { ResetPasswordForm } from '@/components/auth/reset-password-form'

// no-referrer: nothing on this page may pass the address on, fragment or not.
export const metadata = { title: 'Set a new password', referrer: 'no-referrer' as const }

export default function ResetPasswordPage() {
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-2 text-2xl font-bold">Set a new password</h1>
      <p className="mb-6 text-sm text-stone-700">Setting it signs you out on every device.</p>
      <ResetPasswordForm />
    </section>
  )
}
