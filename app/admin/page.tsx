import Link from 'next/link'
import { ADMIN_SECTIONS } from '@/components/admin/admin-nav'
import { requirePageRole, STAFF_ROLES } from '@/lib/shared/auth/require-page-role'

export const metadata = { title: 'Admin' }

const BLURB: Record<string, string> = {
  '/admin/moves': 'Ingest clips, annotate them, disable or re-embed moves.',
  '/admin/songs': 'Upload songs, make them public, check and correct their count.',
  '/admin/plans': 'Build class plans from choreographies, reorder, print and export them.',
  '/admin/stats': 'The library by family and level, the moves used most, activity per week.',
  '/admin/users': 'Find users, change their role, disable or enable accounts.',
}

export default async function AdminHome() {
  const user = await requirePageRole(STAFF_ROLES, '/admin')
  const sections = ADMIN_SECTIONS.filter((s) => s.href !== '/admin' && (user.role === 'ADMIN' || !s.adminOnly))
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Admin</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block h-full rounded-lg border border-stone-200 bg-white p-4 hover:border-brand-600 focus-visible:border-brand-600">
              <span className="font-semibold">{s.label}</span>
              <span className="mt-1 block text-sm text-stone-600">{BLURB[s.href]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
