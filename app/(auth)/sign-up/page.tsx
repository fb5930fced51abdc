import Link from 'next/link'
import { redirect } from 'next/navigation'
import { SignUpForm } from '@/components/auth/sign-up-form'
import { getPageUser } from '@/lib/shared/auth/get-page-user'

export const metadata = { title: 'Create an account' }

export default async function SignUpPage() {
  if (await getPageUser()) redirect('/home')
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">Create your account</h1>
      <SignUpForm />
      <p className="mt-4 text-sm text-stone-700">
        Already dancing with us? <Link href="/sign-in" className="font-medium text-brand-700 underline">Sign in</Link>
      </p>
    </section>
  )
}
