import { formatClock as clock } from '@/components/ui/format-clock'
import type { TimedMove } from './blueprint-timing'


/** Every move in order; the one playing is marked; its "why" shows on hover or focus. */
export function MoveTimeline({ moves, current, start, onSeek }: { moves: TimedMove[]; current: number; start: number; onSeek: (i: number) => void }) {
  return (
    <ol aria-label="Moves" className="grid gap-2 sm:grid-cols-2">
      {moves.map((m, i) => (
        <li key={m.index} className="group min-w-0">
          <button type="button" onClick={() => onSeek(i)} aria-current={i === current ? 'step' : undefined}
            className={`w-full rounded-lg border p-3 text-left ${i === current ? 'border-brand-600 bg-brand-50' : 'border-stone-200 bg-white hover:border-brand-500'}`}>
            <span className="flex items-baseline justify-between gap-2">
              <span className="font-medium">{i + 1}. {m.name}</span>
              <span className="shrink-0 text-xs text-stone-600">{clock(Math.max(0, m.songStart - start))} · {m.counts} counts</span>
            </span>
            <span className="block text-xs text-stone-600">{m.family.replace(/-/g, ' ')} · {m.difficulty} · {m.section}{m.connector ? ' · connector' : ''}</span>
            <span className="mt-1 hidden text-xs text-stone-700 group-hover:block group-focus-within:block">Why: {m.why.reason}</span>
          </button>
        </li>
      ))}
    </ol>
  )
}
