import { DataTable } from '@/components/ui/data-table'
import { SURE_CONFIDENCE as SURE, type SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { formatSeconds } from './describe-correction'

const IRREGULAR: Record<SongAnalysis['irregularities'][number]['kind'], string> = {
  'short-bar': 'short bar', tag: 'tag', break: 'restart after a break', restart: 'restart',
}
const signed = (n: number) => (n > 0 ? `+${n}` : String(n))

/** What the plot shows, in words and numbers: sections with how sure their count one is, breaks,
 * where the grid leaves the 8-count lattice, and the analysis' own warnings. */
export function AnalysisDetails({ analysis }: { analysis: SongAnalysis }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="sections-heading" className="min-w-0 space-y-2">
        <h2 id="sections-heading" className="text-lg font-semibold">Sections</h2>
        <DataTable label="Sections" columns={['Section', 'From–to', 'Energy', 'Count one']}>
          {analysis.sections.map((s, i) => {
            const sure = s.countOneConfidence
            return (
              <tr key={i} className="border-t border-stone-100" data-testid="section-row">
                <td className="px-3 py-2 capitalize">{s.label}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatSeconds(s.start)}–{formatSeconds(s.end)}</td>
                <td className="px-3 py-2">{Math.round(s.energy * 100)}%</td>
                <td className="px-3 py-2">
                  {sure === undefined ? '–' : `${Math.round(sure * 100)}% sure`}
                  {sure !== undefined && sure < SURE && <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-amber-900">check the count here</span>}
                </td>
              </tr>
            )
          })}
        </DataTable>
      </section>
      <div className="min-w-0 space-y-4">
        <section aria-labelledby="grid-heading" className="space-y-1 text-sm">
          <h2 id="grid-heading" className="text-lg font-semibold">Count ones</h2>
          <p data-testid="count-one-summary">
            {analysis.countOne.length} eight-counts
            {analysis.countOne.length > 0 && `, the first at ${formatSeconds(analysis.countOne[0])}, one every 8 beats (${(8 * 60 / analysis.bpm).toFixed(2)} s)`}.
          </p>
        </section>
        <section aria-labelledby="breaks-heading" className="space-y-1 text-sm">
          <h2 id="breaks-heading" className="text-lg font-semibold">Breaks</h2>
          {analysis.breaks.length === 0 ? <p>None found.</p> : (
            <ul className="list-inside list-disc">{analysis.breaks.map((b, i) => <li key={i}>{formatSeconds(b.start)}–{formatSeconds(b.end)}</li>)}</ul>
          )}
        </section>
        <section aria-labelledby="irregular-heading" className="space-y-1 text-sm">
          <h2 id="irregular-heading" className="text-lg font-semibold">Irregularities</h2>
          {analysis.irregularities.length === 0 ? <p>None: one regular 8-count grid.</p> : (
            <ul className="list-inside list-disc">
              {analysis.irregularities.map((r, i) => <li key={i}>{formatSeconds(r.time)}: {IRREGULAR[r.kind]} ({signed(r.counts)} counts)</li>)}
            </ul>
          )}
        </section>
        {analysis.warnings.length > 0 && (
          <section aria-labelledby="warnings-heading" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            <h2 id="warnings-heading" className="font-semibold">Warnings</h2>
            <ul className="list-inside list-disc">{analysis.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
          </section>
        )}
      </div>
    </div>
  )
}
