import type { MoveBoostsSchema, MoveFiltersSchema } from '@/lib/engines/search/search-moves'
import type { z } from 'zod'

/**
 * The relevance set: queries a dancer or instructor might type, with the demo-catalog moves
 * a bachata teacher would accept, graded 3 = exactly this, 2 = good, 1 = acceptable
 * (unlisted = not relevant). Judged from the moves' meaning, not from search output.
 * Negations ("no hammerlock") reach search as filters: the request parser handles them.
 * This set was written alongside the catalog and the lexicon, and many queries are a move's
 * own name or words (the copy check flags all of them): it measures finding a move by what
 * it is called. honest-relevance.ts measures finding it by what dancers say.
 */
export interface RelevanceCase {
  query: string
  filters?: z.input<typeof MoveFiltersSchema>
  boosts?: z.input<typeof MoveBoostsSchema>
  judged: Record<string, 1 | 2 | 3>
}

const g = (grade: 1 | 2 | 3, ids: string[]) => Object.fromEntries(ids.map((id) => [id, grade])) as Record<string, 1 | 2 | 3>
const judge = (three: string[], two: string[] = [], one: string[] = []) => ({ ...g(1, one), ...g(2, two), ...g(3, three) })

export const RELEVANCE_SET: RelevanceCase[] = [
  { query: 'easy turn for beginners', judged: judge(['lady-right-turn', 'lady-left-turn', 'inside-turn', 'outside-turn', 'open-right-turn-to-closed'], [], ['cross-body-lead-with-inside-turn']) },
  { query: 'something sensual and slow', judged: judge(
    ['sensual-body-wave', 'simple-body-wave', 'chest-roll', 'hip-roll-with-basic', 'hip-roll-in-place', 'follower-hip-circle', 'shadow-wave', 'basic-with-hip-styling'],
    ['shadow-basic', 'cuddle-basic', 'bolero-sway', 'bolero-basic', 'turn-with-hair-brush', 'slow-embrace-intro', 'follower-body-wave', 'half-head-roll', 'basic-in-place', 'shadow-hip-roll', 'lateral-body-wave'],
    ['cross-body-lead-with-body-roll', 'hair-comb-styling', 'cuddle-arm-wrap']) },
  { query: 'fast footwork for the mambo', judged: judge(
    ['madrid', 'taconeo', 'double-time-steps', 'dominican-zapateo', 'mambo-shine-sequence'],
    ['syncopated-triple-step', 'kick-ball-change', 'cross-over-footwork'],
    ['heel-toe-shine', 'open-tap-shines', 'golpe-on-the-tap', 'double-golpe']) },
  { query: 'intermediate turn combination', filters: { excludeFamilies: ['hammerlock'] }, judged: judge(
    ['cross-body-lead-with-inside-turn', 'cross-body-lead-with-outside-turn', 'double-right-turn', 'double-left-turn', 'inside-turn-to-cross-hand', 'cross-hand-turn'],
    ['turn-with-hair-brush', 'shadow-turn'], ['follower-spin', 'bolero-couple-turn']) },
  { query: 'twirl her twice', judged: judge(['double-right-turn', 'double-left-turn'], ['hammerlock-double-turn', 'follower-double-spin'], ['triple-turn', 'multiple-spins']) },
  { query: 'Madrid', judged: judge(['madrid'], [], ['taconeo', 'dominican-zapateo']) },
  { query: 'hammerlock double turn', judged: judge(['hammerlock-double-turn'], ['double-hammerlock'], ['double-right-turn', 'hammerlock-turn-out', 'hammerlock-entry']) },
  { query: 'sensual body wave', judged: judge(['sensual-body-wave'],
    ['simple-body-wave', 'shadow-wave', 'lateral-body-wave', 'chest-roll', 'follower-body-wave'],
    ['reverse-body-wave', 'open-body-wave', 'hammerlock-with-body-wave', 'cross-body-lead-with-body-roll']) },
  { query: 'dramatic dip for the break', judged: judge(
    ['drop-dip', 'leg-line-dip', 'dip-with-head-roll', 'basic-dip', 'side-dip', 'shadow-dip', 'sliding-dip'],
    ['cuddle-dip', 'spot-spin-with-freeze', 'golpe-freeze', 'ending-dip-pose', 'bolero-lean']) },
  { query: 'romantic ending pose', judged: judge(['ending-hug-pose', 'ending-dip-pose'],
    ['slow-fade-sway', 'dramatic-drop-finish', 'final-spin-and-pose'], ['bow-and-release', 'leg-line-dip']) },
  { query: 'a calm intro to start the song', judged: judge(['walk-in-and-connect', 'slow-embrace-intro'],
    ['hand-offer-intro', 'shadow-reveal-intro'], ['side-by-side-stroll-intro', 'spotlight-spin-intro']) },
  { query: 'cross body lead', judged: judge(['cross-body-lead'], ['cross-body-lead-from-closed', 'cross-body-lead-with-inside-turn',
    'cross-body-lead-with-outside-turn', 'cross-body-lead-with-hand-change', 'cross-body-lead-to-shadow', 'double-cross-body-lead', 'cross-body-lead-with-body-roll']) },
  { query: 'spins for advanced dancers', judged: judge(['lead-double-spin', 'follower-double-spin', 'multiple-spins', 'simultaneous-spins', 'spot-spin-with-freeze'],
    ['shadow-spin-out', 'triple-turn'], ['lead-spin', 'follower-spin']) },
  { query: 'shadow position', judged: judge(['shadow-entry', 'shadow-from-closed', 'shadow-basic', 'shadow-wave', 'shadow-side-walk', 'shadow-turn'],
    ['shadow-to-tandem', 'shadow-wrap-to-cuddle', 'shadow-spin-out', 'shadow-hip-roll', 'shadow-head-roll', 'shadow-dip', 'shadow-basic-traditional',
      'shadow-to-closed-basic', 'half-spin-to-shadow', 'cross-body-lead-to-shadow', 'shadow-reveal-intro']) },
  { query: 'hip rolls', judged: judge(['hip-roll-with-basic', 'hip-roll-in-place', 'follower-hip-circle', 'figure-eight-hips', 'shadow-hip-roll', 'descending-hip-roll'], [], ['basic-with-hip-styling']) },
  { query: 'head roll', judged: judge(['head-roll', 'half-head-roll', 'shadow-head-roll', 'double-head-roll', 'head-roll-with-hair-flick'], ['dip-with-head-roll']) },
  { query: 'slow romantic bolero', judged: judge(['bolero-basic', 'bolero-walk', 'bolero-sway', 'bolero-couple-turn', 'bolero-lean'], [], ['slow-embrace-intro', 'basic-in-place']) },
  { query: 'accent hits on the bongo', judged: judge(['golpe-on-the-tap', 'open-golpe', 'double-golpe', 'golpe-freeze', 'golpe-weight-change'], [], ['basic-with-tap-variations']) },
  { query: 'arm styling for the follower', judged: judge(['arm-frame-styling', 'hand-swirl-over-head', 'arm-slide', 'windmill-arms', 'hair-comb-styling', 'cuddle-arm-wrap', 'cross-hand-arm-ripple']) },
  { query: 'basic step for beginners', judged: judge(['side-basic', 'forward-back-basic', 'box-basic', 'basic-in-place'],
    ['basic-with-hip-styling', 'basic-with-tap-variations', 'side-basic-dominican-tempo', 'open-basic'], ['one-hand-basic', 'open-closed-basic', 'bolero-basic']) },
  { query: 'close embrace and intimate', judged: judge(['basic-in-place', 'slow-embrace-intro', 'sensual-body-wave', 'ending-hug-pose', 'bolero-sway'],
    ['basic-with-hip-styling', 'bolero-basic', 'bolero-walk', 'hip-roll-in-place', 'chest-roll', 'cuddle-basic', 'walk-in-and-connect'], ['side-basic', 'rotating-basic']) },
  { query: 'playful traditional moves in open hold', judged: judge(['open-basic', 'open-basic-dominican-tempo', 'open-tap-shines', 'open-golpe', 'cross-over-footwork'],
    ['open-out-basic', 'lady-left-turn', 'hand-swirl-over-head', 'windmill-arms'], ['side-by-side-basic', 'heel-toe-shine']) },
  { query: 'energetic moderna turn pattern', judged: judge(['double-right-turn', 'double-left-turn', 'triple-turn', 'cross-body-lead-with-outside-turn', 'cross-hand-turn'],
    ['hammerlock-double-turn', 'double-cross-body-lead', 'follower-spin'], ['lady-right-turn', 'outside-turn']) },
  { query: 'cuddle wrap', judged: judge(['cuddle-basic', 'cuddle-walk-basic', 'cuddle-arm-wrap', 'shadow-wrap-to-cuddle'], ['cuddle-unwrap-basic', 'cuddle-dip'], ['hammerlock-entry']) },
  { query: 'side by side shines', judged: judge(['heel-toe-shine', 'madrid', 'dominican-zapateo', 'mambo-shine-sequence', 'taconeo', 'side-by-side-basic'],
    ['side-by-side-break-basic', 'side-by-side-basic-quick', 'side-by-side-stroll-intro'], ['side-by-side-rejoin-basic']) },
  { query: 'a freeze on the pause', judged: judge(['golpe-freeze', 'spot-spin-with-freeze'], ['bolero-lean', 'basic-dip', 'leg-line-dip'], ['drop-dip', 'ending-hug-pose']) },
  { query: 'drop her', judged: judge(['drop-dip', 'basic-dip', 'side-dip', 'sliding-dip', 'leg-line-dip', 'dip-with-head-roll', 'shadow-dip', 'cuddle-dip'], ['dramatic-drop-finish', 'ending-dip-pose']) },
  { query: 'vueltas', judged: judge(['lady-right-turn', 'lady-left-turn', 'inside-turn', 'outside-turn', 'double-right-turn', 'double-left-turn', 'triple-turn',
    'open-right-turn-to-closed', 'inside-turn-to-cross-hand', 'cross-hand-turn', 'turn-with-hair-brush'], [], ['follower-spin', 'lead-spin']) },
  { query: 'lead spin', judged: judge(['lead-spin', 'lead-double-spin'], [], ['simultaneous-spins']) },
  { query: 'weight change syncopation', judged: judge(['weight-change-basic', 'syncopated-triple-step', 'golpe-weight-change', 'syncopated-basic-back-to-time'],
    ['kick-ball-change', 'double-time-steps', 'side-basic-on-the-other-foot', 'quick-basic-on-the-other-foot']) },
  { query: 'fast Dominican basic', judged: judge(['side-basic-dominican-tempo', 'open-basic-dominican-tempo'],
    ['basic-with-tap-variations', 'quick-basic-on-the-other-foot', 'side-by-side-basic-quick'], ['side-basic', 'open-basic']) },
  { query: 'go back to closed hold from open', judged: judge(['close-up-basic', 'open-right-turn-to-closed'], ['one-hand-to-closed-basic', 'open-closed-to-closed-basic'], ['arm-slide']) },
  { query: 'how to get into hammerlock', judged: judge(['hammerlock-entry', 'hammerlock-from-closed', 'double-hammerlock'], [], ['hammerlock-basic']) },
  { query: 'tandem', judged: judge(['tandem-basic', 'tandem-basic-quick', 'tandem-return-basic', 'shadow-to-tandem']) },
  { query: 'spin her three times', judged: judge(['multiple-spins', 'triple-turn'], ['follower-double-spin'], ['double-right-turn']) },
  { query: 'beginner friendly sensual moves', judged: judge(['basic-with-hip-styling', 'chest-roll', 'hip-roll-with-basic', 'slow-embrace-intro'],
    ['basic-in-place', 'ending-hug-pose', 'bolero-basic', 'bolero-sway', 'slow-fade-sway'], ['side-basic', 'arm-frame-styling']) },
  { query: 'sexy hip circle', judged: judge(['follower-hip-circle', 'figure-eight-hips'], ['hip-roll-in-place', 'hip-roll-with-basic', 'shadow-hip-roll', 'descending-hip-roll']) },
  { query: 'ending with a spin', judged: judge(['final-spin-and-pose'], ['spot-spin-with-freeze', 'follower-double-spin'], ['dramatic-drop-finish', 'ending-dip-pose', 'ending-hug-pose']) },
  { query: 'stomp on 4 and 8', judged: judge(['golpe-on-the-tap'], ['double-golpe', 'golpe-weight-change', 'open-golpe'], ['basic-with-tap-variations', 'taconeo']) },
  { query: 'hair styling', judged: judge(['hair-comb-styling', 'turn-with-hair-brush'], ['head-roll-with-hair-flick', 'half-head-roll', 'head-roll']) },
  { query: 'first dance for a couple who never danced', judged: judge(['side-basic', 'basic-in-place', 'walk-in-and-connect'],
    ['forward-back-basic', 'box-basic', 'slow-embrace-intro', 'ending-hug-pose', 'bolero-basic'], ['lady-right-turn']) },
  { query: 'easy romantic moves', filters: { excludeFamilies: ['dip'] }, judged: judge(
    ['basic-with-hip-styling', 'basic-in-place', 'slow-embrace-intro', 'ending-hug-pose', 'bolero-basic', 'bolero-walk', 'bolero-sway', 'hip-roll-with-basic', 'chest-roll', 'slow-fade-sway'],
    ['close-up-basic', 'open-closed-to-closed-basic', 'walk-in-and-connect', 'open-right-turn-to-closed']) },
  { query: 'intermediate shadow with body wave', judged: judge(['shadow-wave'], ['shadow-hip-roll', 'shadow-basic', 'shadow-entry'], ['hammerlock-with-body-wave', 'sensual-body-wave']) },
  { query: 'advanced sensual combination', judged: judge(
    ['hammerlock-with-body-wave', 'reverse-body-wave', 'double-head-roll', 'shadow-head-roll', 'lateral-body-wave', 'dip-with-head-roll', 'figure-eight-hips', 'descending-hip-roll'],
    ['head-roll', 'leg-line-dip', 'drop-dip', 'sliding-dip', 'shadow-dip', 'head-roll-with-hair-flick']) },
  { query: 'inside turn', judged: judge(['inside-turn'], ['cross-body-lead-with-inside-turn', 'inside-turn-to-cross-hand'], ['hammerlock-entry', 'outside-turn']) },
  { query: 'cbl with an outside turn', judged: judge(['cross-body-lead-with-outside-turn'], ['outside-turn', 'cross-body-lead'], ['cross-body-lead-with-inside-turn']) },
  { query: 'open hold basic with two hands', judged: judge(['open-basic', 'open-basic-dominican-tempo', 'open-basic-with-push-pull'], ['open-out-basic', 'close-up-basic'], ['one-hand-basic']) },
  { query: 'romantic slow turn', judged: judge(['turn-with-hair-brush', 'bolero-couple-turn'], ['rotating-basic', 'open-right-turn-to-closed'], ['lady-right-turn', 'shadow-turn']) },
  { query: 'turns', filters: { maxDifficulty: 'intermediate' }, judged: judge(
    ['lady-right-turn', 'lady-left-turn', 'inside-turn', 'outside-turn', 'open-right-turn-to-closed', 'double-right-turn', 'double-left-turn', 'inside-turn-to-cross-hand', 'cross-hand-turn', 'turn-with-hair-brush'],
    ['cross-body-lead-with-inside-turn', 'cross-body-lead-with-outside-turn', 'shadow-turn', 'bolero-couple-turn']) },
  { query: 'footwork', filters: { styles: ['traditional'], maxDifficulty: 'intermediate' }, judged: judge(
    ['madrid', 'heel-toe-shine', 'open-tap-shines', 'syncopated-triple-step', 'kick-ball-change', 'cross-over-footwork'], [], ['golpe-on-the-tap', 'side-by-side-basic']) },
  { query: 'turn', boosts: { difficulty: 'beginner' }, judged: judge(['lady-right-turn', 'lady-left-turn', 'inside-turn', 'outside-turn', 'open-right-turn-to-closed'],
    ['double-right-turn', 'double-left-turn', 'inside-turn-to-cross-hand', 'cross-hand-turn', 'turn-with-hair-brush'], ['triple-turn']) },
]
