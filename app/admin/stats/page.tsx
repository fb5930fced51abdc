import Link from 'next/link'
import { StatBars } from '@/components/admin/stat-bars'
import { readStats } from '@/lib/services/admin/read-stats'
import { requirePageRole, STAFF_ROLES } from '@/lib/shared/auth/require-page-role'

export const metadata = { title: 'Stats' }

const WEEK = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', timeZone: 'UTC' })

export default async function AdminStatsPage() {
  const user = await requirePageRole(STAFF_ROLES, '/admin/stats')
  const stats = await readStats(user.id)
  const card = 'rounded-lg border border-stone-200 bg-white p-4'
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-bold">Stats</h1>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ['Moves enabled', stats.movesByFamily.reduce((s, r) => s + r.enabled, 0)],
          ['Moves disabled', stats.movesByFamily.reduce((s, r) => s + r.disabled, 0)],
          ['Class plans', stats.classPlans.total],
          ['Your class plans', stats.classPlans.yours],
        ].map(([label, n]) => (
          <div key={label} className={card}>
            <dt className="text-sm text-stone-600">{label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{n}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className={card}>
          <StatBars caption="Moves by family" columns={['Enabled', 'Disabled']}
            rows={stats.movesByFamily.map((r) => ({ label: r.key, values: [r.enabled, r.disabled] }))} />
        </div>
        <div className={card}>
          <StatBars caption="Moves by level" columns={['Enabled', 'Disabled']}
            rows={stats.movesByLevel.map((r) => ({ label: r.key, values: [r.enabled, r.disabled] }))} />
        </div>
      </div>
      <div className={card}>
        <StatBars caption={`Choreographies per week (last ${stats.choreographiesPerWeek.length} weeks)`} columns={['Rendered', 'Other']}
          rows={stats.choreographiesPerWeek.map((w) => ({ label: `Week of ${WEEK.format(new Date(w.week))}`, values: [w.rendered, w.made - w.rendered] }))} />
      </div>
      <div className={card}>
        <h2 className="mb-2 text-lg font-semibold">Most used moves</h2>
        {stats.mostUsedMoves.length === 0 ? (
          <p className="text-stone-600">No choreography has been made yet.</p>
        ) : (
          <ol className="divide-y divide-stone-100 text-sm">
            {stats.mostUsedMoves.map((m) => (
              <li key={m.moveId} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                <Link href={`/moves?q=${encodeURIComponent(m.name)}`} className="min-w-0 truncate text-brand-700 underline">{m.name}</Link>
                <span className="tabular-nums text-stone-700">{m.uses} uses in {m.choreographies} choreograph{m.choreographies === 1 ? 'y' : 'ies'}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  )
}
