import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getPageUser } from '@/lib/shared/auth/get-page-user'
import { listChoreographies } from '@/lib/services/choreographies/list-choreographies'
import { ChoreographyListQuerySchema } from '@/lib/shared/validation/choreographies'

export const metadata = { title: 'Home' }

const STATUS = { QUEUED: 'queued', RUNNING: 'rendering', SUCCEEDED: 'ready', FAILED: 'failed', CANCELLED: 'cancelled' } as const

const ROLE_LABEL = { USER: 'Dancer', INSTRUCTOR: 'Instructor', ADMIN: 'Administrator' } as const

export default async function HomePage() {
  const user = await getPageUser()
  if (!user) redirect('/sign-in?callbackUrl=/home')
  const recent = await listChoreographies(user, ChoreographyListQuerySchema.parse({ pageSize: 5 }))
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Welcome, {user.name}!</h1>
        <p className="mt-1 text-stone-600">Signed in as {user.email} · {ROLE_LABEL[user.role]}</p>
      </div>
      <Link href="/generate" className="inline-block rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700">
        Generate a choreography
      </Link>
      <section aria-labelledby="recent" className="space-y-2">
        <h2 id="recent" className="text-xl font-semibold">Your recent choreographies</h2>
        {recent.items.length === 0 ? (
          <p className="text-stone-600">None yet: pick a song and say what you want to dance.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {recent.items.map((t) => (
              <li key={t.id}>
                <Link href={`/choreographies/${t.id}`} className="flex justify-between gap-3 p-3 hover:bg-stone-50">
                  <span className="truncate">{t.request || 'Choreography'}</span>
                  <span className="shrink-0 text-sm text-stone-600">{STATUS[t.status]}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="grid gap-4 sm:grid-cols-2">
        <Card title="Your account" href="/api/me" text="Your profile and practice preferences (JSON API)." />
        {user.role === 'ADMIN' && (
          <Card title="Manage users" href="/admin/users" text="Change roles and disable accounts." />
        )}
        <Card title="API health" href="/api/health" text="Service and database status." />
      </div>
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
