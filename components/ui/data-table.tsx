/** A bordered table with a header row that scrolls sideways inside itself on a narrow screen,
 * so the page never does. Rows are the caller's <tr>s. */
export function DataTable({ columns, label, children }: { columns: readonly string[]; label?: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm" aria-label={label}>
        <thead className="bg-stone-100">
          <tr>{columns.map((c) => <th key={c} scope="col" className="px-3 py-2">{c}</th>)}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
