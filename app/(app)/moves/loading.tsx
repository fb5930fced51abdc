/** Same boxes as the real grid, so the page does not jump when the results arrive. */
export default function MovesLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <div>
        <h1 className="text-3xl font-bold">Move library</h1>
        <p role="status" className="mt-1 text-stone-600">Loading the moves…</p>
      </div>
      <ul aria-hidden="true" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i} className="overflow-hidden rounded-lg border border-stone-200 bg-white">
            <div className="aspect-video w-full animate-pulse bg-stone-200" />
            <div className="space-y-2 p-3">
              <div className="h-4 w-2/3 rounded bg-stone-200" />
              <div className="h-3 w-full rounded bg-stone-100" />
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}
