/** A table whose numbers also show as bars: readable by a screen reader as a table, at a
 * glance as a chart, and at 375 px without sideways scrolling. */
export function StatBars({ caption, rows, columns }: {
  caption: string
  rows: { label: string; values: number[] }[]
  columns: string[]
}) {
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((s, v) => s + v, 0)))
  const shades = ['bg-brand-600', 'bg-stone-400']
  return (
    <table className="w-full table-fixed text-left text-sm">
      <caption className="mb-2 text-left text-lg font-semibold">{caption}</caption>
      <thead className="sr-only sm:not-sr-only">
        <tr className="text-stone-600">
          <th scope="col" className="w-1/3 py-1 font-medium">&nbsp;</th>
          {columns.map((c, i) => (
            <th key={c} scope="col" className="w-16 py-1 text-right font-medium">
              <span aria-hidden className={`mr-1 inline-block h-2 w-2 rounded-sm ${shades[i] ?? 'bg-stone-300'}`} />{c}
            </th>
          ))}
          <th scope="col" className="hidden py-1 sm:table-cell"><span className="sr-only">Chart</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label} className="border-t border-stone-100">
            <th scope="row" className="truncate py-1.5 pr-2 font-normal" title={r.label}>{r.label}</th>
            {r.values.map((v, i) => <td key={columns[i]} className="py-1.5 text-right tabular-nums">{v}</td>)}
            <td aria-hidden className="hidden py-1.5 pl-3 sm:table-cell">
              <div className="flex h-3 w-full overflow-hidden rounded bg-stone-100">
                {r.values.map((v, i) => (
                  <div key={columns[i]} className={shades[i] ?? 'bg-stone-300'} style={{ width: `${(v / max) * 100}%` }} />
                ))}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
