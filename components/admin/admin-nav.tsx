import Link from 'next/link'

type Section = { href: string; label: string; adminOnly?: boolean }

/** The admin section's own menu. Each page checks the role on the server as well: this list
 * only decides what is offered. */
export const ADMIN_SECTIONS: readonly Section[] = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/moves', label: 'Moves' },
  { href: '/admin/songs', label: 'Songs' },
  { href: '/admin/plans', label: 'Class plans' },
  { href: '/admin/stats', label: 'Stats' },
  { href: '/admin/users', label: 'Users', adminOnly: true },
]

export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  return (
    <nav aria-label="Admin" className="print:hidden">
      <ul className="flex flex-wrap gap-2 text-sm">
        {ADMIN_SECTIONS.filter((s) => isAdmin || !s.adminOnly).map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="inline-block rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-100">
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
