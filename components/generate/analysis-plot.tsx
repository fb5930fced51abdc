import { formatClock as clock } from '@/components/ui/format-clock'
import { SURE_CONFIDENCE as SURE, type SongAnalysis } from '@/lib/engines/audio/analysis-schema'

const SECTION_FILL: Record<string, string> = {
  intro: '#e7e5e4', verse: '#fecdd3', chorus: '#fda4af', mambo: '#fb7185', break: '#d6d3d1', outro: '#e7e5e4',
}


export interface Envelope { hopSeconds: number; values: number[] }

interface Props {
  analysis: SongAnalysis
  title: string
  envelope?: Envelope | null
  /** The instructor's view (/admin/songs/:id): sections whose count one is unsure are hatched and
   * say "check the count here", and the grid's irregularities are marked. */
  detailed?: boolean
  /** A time to show as a vertical line (the picked time for a correction). */
  marker?: number | null
  /** Clicking the plot picks the time under the pointer (a shortcut: the page offers the same by keyboard). */
  onPickTime?: (seconds: number) => void
}

/**
 * What the analysis found, as one picture: the loudness curve (when given), energy per 8-count over time, the sections behind
 * it, breaks, and a tick at every count 1. Plain SVG: a server component unless a client parent passes onPickTime.
 */
export function AnalysisPlot({ analysis, title, envelope, detailed = false, marker = null, onPickTime }: Props) {
  const W = 800, H = 160, top = 20, bottom = 130
  const x = (t: number) => (t / analysis.durationSeconds) * W
  const pick = onPickTime && ((e: React.MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect()
    const t = ((e.clientX - box.left) / box.width) * analysis.durationSeconds
    onPickTime(Math.round(Math.min(analysis.durationSeconds, Math.max(0, t)) * 100) / 100)
  })
  const y = (e: number) => bottom - e * (bottom - top)
  const steps = analysis.phrases.flatMap((p) => [`${x(p.start).toFixed(1)},${y(p.energy).toFixed(1)}`, `${x(p.end).toFixed(1)},${y(p.energy).toFixed(1)}`])
  const area = envelope && envelope.values.length > 1
    ? `M0,${bottom} ${envelope.values.map((v, i) => `L${x(i * envelope.hopSeconds).toFixed(1)},${y(v).toFixed(1)}`).join(' ')} L${x((envelope.values.length - 1) * envelope.hopSeconds).toFixed(1)},${bottom} Z`
    : null
  const countOne = analysis.confidenceParts?.countOne ?? analysis.confidence
  const unsure = analysis.confidence < SURE || countOne < SURE
  return (
    <figure className="space-y-2" data-testid="analysis-plot">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="plot-title plot-desc" onClick={pick}
        className={`h-auto w-full rounded-md border border-stone-200 bg-white ${pick ? 'cursor-crosshair' : ''}`}>
        <title id="plot-title">{`Analysis of ${title}`}</title>
        <desc id="plot-desc">
          {`${Math.round(analysis.bpm)} BPM, ${analysis.sections.length} sections, ${analysis.breaks.length} breaks, ${analysis.countOne.length} eight-counts.`}
        </desc>
        {analysis.sections.map((s, i) => (
          <g key={i}>
            <rect x={x(s.start)} y={top} width={Math.max(1, x(s.end) - x(s.start))} height={bottom - top} fill={SECTION_FILL[s.label] ?? '#f5f5f4'} opacity={0.6} />
            <text x={x(s.start) + 3} y={top - 6} fontSize={11} fill="#44403c">{s.label}</text>
          </g>
        ))}
        {analysis.breaks.map((b, i) => (
          <rect key={`b${i}`} x={x(b.start)} y={top} width={Math.max(2, x(b.end) - x(b.start))} height={bottom - top} fill="#1c1917" opacity={0.35} data-kind="break" />
        ))}
        {area && <path d={area} fill="#fb7185" opacity={0.35} data-kind="energy-envelope" />}
        {steps.length > 0 && <polyline points={steps.join(' ')} fill="none" stroke="#be123c" strokeWidth={2.5} />}
        {analysis.countOne.map((t, i) => (
          <line key={`c${i}`} x1={x(t)} x2={x(t)} y1={bottom} y2={bottom + 8} stroke="#57534e" strokeWidth={1} data-kind="count-one" data-time={t} />
        ))}
        {detailed && <PlotDetails analysis={analysis} x={x} top={top} bottom={bottom} />}
        {marker !== null && (
          <line x1={x(marker)} x2={x(marker)} y1={top - 4} y2={bottom + 8} stroke="#0c0a09" strokeWidth={2} strokeDasharray="4 3" data-kind="marker" data-time={marker} />
        )}
        <text x={0} y={H - 4} fontSize={11} fill="#57534e">0:00</text>
        <text x={W} y={H - 4} fontSize={11} fill="#57534e" textAnchor="end">{clock(analysis.durationSeconds)}</text>
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-700">
        <span>Tempo <strong>{Math.round(analysis.bpm)} BPM</strong></span>
        <span>Energy <strong>{analysis.energyClass}</strong></span>
        <span>Confidence <strong>{Math.round(analysis.confidence * 100)}%</strong></span>
        <span>{analysis.breaks.length} break{analysis.breaks.length === 1 ? '' : 's'}</span>
      </figcaption>
      {unsure && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          We are not sure where count 1 is in this song ({Math.round(countOne * 100)}% sure). Check the count in the video, and
          pick another song if the moves start off the beat.
        </p>
      )}
    </figure>
  )
}

/** The instructor's layer: unsure sections hatched with "check the count here", and a flag where
 * the grid leaves the 8-count lattice (a tag, a short bar, a restart). */
function PlotDetails({ analysis, x, top, bottom }: { analysis: SongAnalysis; x: (t: number) => number; top: number; bottom: number }) {
  return (
    <g>
      <defs>
        <pattern id="unsure-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="8" stroke="#d97706" strokeWidth="2" opacity="0.5" />
        </pattern>
      </defs>
      {analysis.sections.map((s, i) => s.countOneConfidence !== undefined && s.countOneConfidence < SURE && (
        <g key={`u${i}`} data-kind="unsure-section">
          <rect x={x(s.start)} y={top} width={Math.max(1, x(s.end) - x(s.start))} height={bottom - top} fill="url(#unsure-hatch)" />
          <text x={x(s.start) + 3} y={bottom - 4} fontSize={10} fill="#92400e">check the count here</text>
        </g>
      ))}
      {analysis.irregularities.map((r, i) => (
        <path key={`r${i}`} d={`M${x(r.time).toFixed(1)},${top} l-5,-8 h10 z`} fill="#7c2d12" data-kind="irregularity" data-time={r.time} />
      ))}
    </g>
  )
}
