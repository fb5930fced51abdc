import Link from 'next/link'
import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/auth/sign-in-form'
import { getPageUser } from '@/lib/shared/auth/get-page-user'
import { safeCallbackPath } from '@/lib/shared/http/safe-callback-path'

export const metadata = { title: 'Sign in' }

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams
  const target = safeCallbackPath(callbackUrl)
  if (await getPageUser()) redirect(target)
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">Sign in</h1>
      <SignInForm callbackUrl={target} />
      <p className="mt-4 text-sm text-stone-700">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">Forgot your password?</Link>
      </p>
      <p className="mt-2 text-sm text-stone-700">
        New here? <Link href="/sign-up" className="font-medium text-brand-700 underline">Create an account</Link>
      </p>
    </section>
  )
}
