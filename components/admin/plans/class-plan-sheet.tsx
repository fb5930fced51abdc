import { InstructorCard } from './instructor-card'
import { formatSchedule, itemTitle, type Plan, type PlanItem } from './plan-types'

/**
 * A plan as a class reads it, on paper or on the public page: each item with its moves and
 * counts, notes and timing, and the instructor. `break-after: page` keeps one plan per page
 * when several are printed together.
 */
export function ClassPlanSheet({ plan }: { plan: Plan }) {
  const when = formatSchedule(plan.scheduledFor)
  return (
    <article aria-labelledby="plan-title" className="space-y-5 break-after-page">
      <header className="space-y-1">
        <h1 id="plan-title" className="text-3xl font-bold">{plan.title}</h1>
        <p className="text-sm text-stone-700">
          {[plan.level && `Level: ${plan.level}`, when && `Scheduled: ${when}`, `${plan.items.length} item${plan.items.length === 1 ? '' : 's'}`,
            plan.totalMinutes > 0 && `${plan.totalMinutes} min planned`].filter(Boolean).join(' · ')}
        </p>
        {plan.description && <p className="whitespace-pre-line text-stone-800">{plan.description}</p>}
      </header>
      {plan.instructor && <InstructorCard instructor={plan.instructor} />}
      {plan.items.length === 0 ? (
        <p className="text-stone-600">This plan has no items yet.</p>
      ) : (
        <ol aria-label="Plan items" className="space-y-4">
          {plan.items.map((item, i) => <SheetItem key={item.id} item={item} n={i + 1} />)}
        </ol>
      )}
    </article>
  )
}

function SheetItem({ item, n }: { item: PlanItem; n: number }) {
  return (
    <li className="break-inside-avoid rounded-lg border border-stone-200 bg-white p-4 print:border-stone-400">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{n}. {itemTitle(item)}</h2>
        <p className="text-sm text-stone-700">
          {[item.durationMinutes && `${item.durationMinutes} min`, item.choreography && `${item.choreography.totalCounts} counts`, item.move && `${item.move.counts} counts`]
            .filter(Boolean).join(' · ')}
        </p>
      </div>
      {item.choreography && item.choreography.steps.length > 0 && (
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Moves of item {n}</caption>
          <thead><tr className="border-b border-stone-200"><th scope="col" className="py-1 pr-2">#</th><th scope="col" className="py-1 pr-2">Move</th><th scope="col" className="py-1 text-right">Counts</th></tr></thead>
          <tbody>
            {item.choreography.steps.map((s, j) => (
              <tr key={j} className="border-b border-stone-100">
                <td className="py-1 pr-2 text-stone-500">{j + 1}</td>
                <td className="py-1 pr-2">{s.kind === 'hold' ? <em>{s.name}</em> : s.name}</td>
                <td className="py-1 text-right tabular-nums">{s.counts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {item.notes && <p className="mt-2 whitespace-pre-line text-sm"><span className="font-medium">Notes: </span>{item.notes}</p>}
    </li>
  )
}
