import type { PlanInstructor } from './plan-types'

/** The plan's author as anyone may see them: name, school, bio and web links (never an email). */
export function InstructorCard({ instructor }: { instructor: PlanInstructor }) {
  return (
    <aside aria-label="Instructor" className="rounded-lg border border-stone-200 bg-white p-4 print:border-stone-400">
      <p className="font-semibold">{instructor.name}</p>
      {instructor.school && <p className="text-sm text-stone-700">{instructor.school}</p>}
      {instructor.bio && <p className="mt-2 whitespace-pre-line text-sm text-stone-700">{instructor.bio}</p>}
      {instructor.links.length > 0 && (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {instructor.links.map((l) => (
            <li key={l.url}>
              <a href={l.url} rel="noopener noreferrer nofollow" className="text-brand-700 underline">{l.label}</a>
              <span className="hidden print:inline"> ({l.url})</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  )
}
