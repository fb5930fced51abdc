import type { MoveAnnotation } from './move-annotation'
import { sameState, type DanceState } from './vocabulary'

/** The state every choreography can return to: closed hold, lead's left foot free. */
export const HOME_STATE: DanceState = { hold: 'closed', leadWeight: 'right', facing: 'face-to-face' }

export const stateKey = (s: DanceState) => `${s.hold}/${s.leadWeight}/${s.facing}`

type Transitional = Pick<MoveAnnotation, 'id' | 'family' | 'entry' | 'exit'>

/**
 * Why a library cannot always be stitched together: a state some move enters or exits with
 * no basic that stays in it, no basic from it back to home, or no way to reach it from home.
 * An empty list means a blueprint builder can always insert a connector.
 */
export function findTransitionGaps(moves: Transitional[], home: DanceState = HOME_STATE): string[] {
  const states = new Map<string, DanceState>()
  for (const m of moves) {
    states.set(stateKey(m.entry), m.entry)
    states.set(stateKey(m.exit), m.exit)
  }
  const basics = moves.filter((m) => m.family === 'basic')
  const gaps: string[] = []
  for (const [key, s] of states) {
    if (!basics.some((b) => sameState(b.entry, s) && sameState(b.exit, s))) {
      gaps.push(`no basic stays in ${key}`)
    }
    if (!sameState(s, home) && !basics.some((b) => sameState(b.entry, s) && sameState(b.exit, home))) {
      gaps.push(`no basic leads from ${key} back to ${stateKey(home)}`)
    }
  }
  const reached = new Set([stateKey(home)])
  for (let grew = true; grew; ) {
    grew = false
    for (const m of moves) {
      if (reached.has(stateKey(m.entry)) && !reached.has(stateKey(m.exit))) {
        reached.add(stateKey(m.exit))
        grew = true
      }
    }
  }
  for (const key of states.keys()) if (!reached.has(key)) gaps.push(`${key} cannot be reached from ${stateKey(home)}`)
  return gaps
}
