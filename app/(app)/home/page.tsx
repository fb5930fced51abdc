import Link from 'next/link'
import { redirect } from 'next/navigation'
import { STATUS_LABEL } from '@/components/choreographies/status-label'
import { pickNextSteps } from '@/components/home/pick-next-steps'
import { getPageUser } from '@/lib/shared/auth/get-page-user'
import { listChoreographies } from '@/lib/services/choreographies/list-choreographies'
import { listCollections } from '@/lib/services/collections/manage-collections'
import { ChoreographyListQuerySchema } from '@/lib/shared/validation/choreographies'

export const metadata = { title: 'Home' }

const ROLE_LABEL = { USER: 'Dancer', INSTRUCTOR: 'Instructor', ADMIN: 'Administrator' } as const

const label = (t: { songTitle: string; request: string }) => (t.request ? `${t.songTitle}: ${t.request}` : t.songTitle)

export default async function HomePage() {
  const user = await getPageUser()
  if (!user) redirect('/sign-in?callbackUrl=/home')
  const [recent, ready, collections] = await Promise.all([
    listChoreographies(user, ChoreographyListQuerySchema.parse({ pageSize: 5 })),
    listChoreographies(user, ChoreographyListQuerySchema.parse({ pageSize: 1, status: 'SUCCEEDED' })),
    listCollections(user),
  ])
  const rendering = recent.items.find((t) => t.status === 'QUEUED' || t.status === 'RUNNING')
  const steps = pickNextSteps({
    total: recent.total,
    ready: ready.items[0] ? { id: ready.items[0].id, label: label(ready.items[0]) } : null,
    inProgress: rendering ? { id: rendering.id, label: label(rendering) } : null,
    collections: collections.items.length,
  })
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">Welcome, {user.name}!</h1>
        <p className="mt-1 text-stone-600">Signed in as {user.email} · {ROLE_LABEL[user.role]}</p>
      </div>
      <section aria-labelledby="next" className="space-y-3">
        <h2 id="next" className="text-xl font-semibold">What to do next</h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {steps.map((s, i) => (
            <li key={s.key}>
              <Link href={s.href} className={`block h-full rounded-lg border p-4 shadow-sm ${i === 0 ? 'border-brand-600 bg-brand-50' : 'border-stone-200 bg-white hover:border-brand-500'}`}>
                <span className="block font-semibold">{s.title}</span>
                <span className="mt-1 block text-sm text-stone-700">{s.text}</span>
              </Link>
            </li>
          ))}
          {user.role !== 'USER' && (
            <li>
              <Link href="/admin" className="block h-full rounded-lg border border-stone-200 bg-white p-4 shadow-sm hover:border-brand-500">
                <span className="block font-semibold">Teach: the admin section</span>
                <span className="mt-1 block text-sm text-stone-700">Curate moves and songs, build class plans{user.role === 'ADMIN' ? ', manage users' : ''}.</span>
              </Link>
            </li>
          )}
        </ul>
      </section>
      <section aria-labelledby="recent" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="recent" className="text-xl font-semibold">Your recent choreographies</h2>
          {recent.total > 0 && <Link href="/choreographies" className="text-sm text-brand-700 underline">See all {recent.total}</Link>}
        </div>
        {recent.items.length === 0 ? (
          <p className="text-stone-600">None yet: pick a song and say what you want to dance.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {recent.items.map((t) => (
              <li key={t.id}>
                <Link href={`/choreographies/${t.id}`} className="flex justify-between gap-3 p-3 hover:bg-stone-50">
                  <span className="min-w-0 truncate">{label(t)}</span>
                  <span className="shrink-0 text-sm text-stone-600">{STATUS_LABEL[t.status]}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  )
}
