import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getPageUser } from '@/lib/shared/auth/get-page-user'

export const metadata = { title: 'Home' }

const ROLE_LABEL = { USER: 'Dancer', INSTRUCTOR: 'Instructor', ADMIN: 'Administrator' } as const

export default async function HomePage() {
  const user = await getPageUser()
  if (!user) redirect('/sign-in?callbackUrl=/home')
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Welcome, {user.name}!</h1>
        <p className="mt-1 text-stone-600">Signed in as {user.email} · {ROLE_LABEL[user.role]}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Card title="Your account" href="/api/me" text="Your profile and practice preferences (JSON API)." />
        {user.role === 'ADMIN' && (
          <Card title="Manage users" href="/admin/users" text="Change roles and disable accounts." />
        )}
        <Card title="API health" href="/api/health" text="Service and database status." />
      </div>
      <p className="text-sm text-stone-600">
        Song upload, the move library and choreography generation are being built; they will appear here as they land.
      </p>
    </section>
  )
}

function Card({ title, href, text }: { title: string; href: string; text: string }) {
  return (
    <Link href={href} className="block rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-500">
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 text-sm text-stone-600">{text}</p>
    </Link>
  )
}
