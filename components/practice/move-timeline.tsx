import { formatClock as clock } from '@/components/ui/format-clock'
import { isHold, type TimedCountIn, type TimedMove } from './blueprint-timing'

/** What the library says about a move: how to lead and follow it, and its poster. */
export interface MoveCue { lead: string; follow: string; poster: string | null }

/**
 * Every move in order with its poster; the one playing is marked; its "why" and its lead
 * and follow cues show on hover or focus, over the list rather than in it (a panel opening in
 * the flow moved the page under the pointer when focus left it, and a click on the player's
 * buttons could land on nothing). Holds (a tag, a short bar, a pause) sit between the moves
 * with their counts, so stepping and looping treat them like any entry. The count-in, when
 * there is one, opens the timeline at 0:00 (current = −1 while it plays).
 */
export function MoveTimeline({ moves, current, start, countIn, cues = {}, onSeek, onSeekCountIn }: {
  moves: TimedMove[]; current: number; start: number; countIn?: TimedCountIn | null; cues?: Record<string, MoveCue>
  onSeek: (i: number) => void; onSeekCountIn?: () => void
}) {
  return (
    <div className="space-y-2">
      {countIn && (
        <button type="button" onClick={onSeekCountIn} aria-current={current < 0 ? 'step' : undefined} data-testid="count-in-cue"
          className={`w-full rounded-lg border px-3 py-2 text-left text-sm ${current < 0 ? 'border-brand-600 bg-brand-50' : 'border-stone-200 bg-white hover:border-brand-500'}`}>
          <span className="font-medium">Count-in · {countIn.calls.join(' ')}</span>
          <span className="ml-2 text-xs text-stone-600">{clock(0)} · the song&apos;s {countIn.calls.length} beats before the first move</span>
        </button>
      )}
      <ol aria-label="Moves" className="grid gap-2 sm:grid-cols-2">
        {moves.map((m, i) => {
          const cue = m.moveId ? cues[m.moveId] : undefined
          const hold = isHold(m)
          return (
            <li key={m.index} className="group relative min-w-0">
              <button type="button" onClick={() => onSeek(i)} aria-current={i === current ? 'step' : undefined}
                className={`w-full rounded-lg border p-3 text-left ${i === current ? 'border-brand-600 bg-brand-50' : 'border-stone-200 bg-white hover:border-brand-500'}`}>
                <span className="flex gap-3">
                  {/* A fixed box whether or not the poster has loaded: nothing moves when it does. A plain
                      img: the poster needs the viewer's session, which next/image's optimiser does not carry. */}
                  <span className="block aspect-video w-20 shrink-0 overflow-hidden rounded bg-stone-200">
                    {/* eslint-disable-next-line @next/next/no-img-element */}
                    {cue?.poster && <img src={cue.poster} alt="" width={80} height={45} loading="lazy" decoding="async" className="h-full w-full object-cover" />}
                  </span>
                  <span className="block min-w-0 flex-1">
                    <span className="flex items-baseline justify-between gap-2">
                      <span className="font-medium">{i + 1}. {m.name}</span>
                      <span className="shrink-0 text-xs text-stone-600">{clock(Math.max(0, m.songStart - start))} · {m.counts} counts</span>
                    </span>
                    <span className="block text-xs text-stone-600">
                      {hold
                        ? `hold${m.calls?.length ? ` · counts ${m.calls[0]}–${m.calls[m.calls.length - 1]}` : ' · pause'} · ${m.section}`
                        : `${m.family?.replace(/-/g, ' ')} · ${m.difficulty} · ${m.section}${m.connector ? ' · connector' : ''}`}
                    </span>
                  </span>
                </span>
                <span className="pointer-events-none absolute inset-x-0 top-full z-10 mt-1 hidden space-y-0.5 rounded-lg border border-stone-200 bg-white p-3 text-xs text-stone-700 shadow-lg group-hover:block group-focus-within:block" data-testid="move-details">
                  <span className="block">Why: {m.why.reason}</span>
                  {cue?.lead && <span className="block">Lead: {cue.lead}</span>}
                  {cue?.follow && <span className="block">Follow: {cue.follow}</span>}
                </span>
              </button>
            </li>
          )
        })}
      </ol>
    </div>
  )
}
