import type { LexCue, LexRow } from './lexicon-types'
import type { Difficulty, Energy, Mood, Style } from '@/lib/engines/dance/vocabulary'

/**
 * What a phrase implies without naming it: how experienced the couple is, what the occasion
 * calls for, how lively the night should be. Every cue here is weak (strength 1), so any
 * explicit word in the same request wins ("my partner is still learning, but make it
 * advanced" → advanced). Parser-only, like the grammar: these are guesses about the request,
 * not names of library attributes, so search does not expand them (the parsed params reach
 * search on their own). Words the lexicon lacks are mapped onto these and the dance lexicon's
 * terms by word vectors (word-meanings.ts), which cannot tell a word from its opposite
 * ("amateur" sits next to "professional"), so such words are listed here; Spanish has its own explicit rows below because
 * the English vectors barely know it.
 */
const level = (value: Difficulty): LexCue => ({ type: 'difficulty', value, strength: 1 })
const energy = (value: Energy): LexCue => ({ type: 'energy', value, strength: 1 })
const style = (value: Style): LexCue => ({ type: 'style', value, strength: 1 })
const mood = (value: Mood): LexCue => ({ type: 'mood', value })

export const IMPLIED_ENGLISH_ROWS: LexRow[] = [
  ['learning|still learning|just learning|learner|learners|just started|started recently|recently started|new to this|' +
    'inexperienced|no experience|first steps|never danced together|amateur|amateurs', [level('beginner')]],
  ['a bit of experience|a little experience|a little bit of experience|a few classes|some classes|a few months', [level('intermediate')]],
  ['for years|for ages|for decades|many years|so many years|years of experience|a long time|for a long time|decades|' +
    'seasoned|veteran|veterans|impress|to impress', [level('advanced')]],
  ['wedding|weddings|first dance|our first dance|honeymoon|heartfelt|passionate', [mood('romantic')]],
  ['bubbly', [mood('playful')]],
  ['dark', [mood('dramatic')]],
  ['old fashioned|old style', [style('traditional')]],
  ['wake everyone up|wake up|wake them up|get everyone up|party|parties|get the party going', [energy('high')]],
]

/** Basic Spanish: how couples say it, accents stripped as the tokeniser does. */
export const IMPLIED_SPANISH_ROWS: LexRow[] = [
  ['novato|novata|novatos|novatas|aprendiendo|empezando|estamos empezando|recien empezamos|primera vez|primera clase|' +
    'primeras clases|nunca hemos bailado|sin experiencia', [level('beginner')]],
  ['algo de experiencia|un poco de experiencia', [level('intermediate')]],
  ['hace anos|desde hace anos|muchos anos|desde hace mucho|hace mucho', [level('advanced')]],
  ['boda|bodas|primer baile|apasionado|apasionada', [mood('romantic')]],
  ['alegre|alegres', [mood('playful')]],
  ['movido|movida|animado|animada|animar|fiesta|fiestas', [energy('high')]],
  ['relajado|relajada|relajados|relajadas|calmado|calmada|sereno|serena', [energy('low')]],
]

export const IMPLIED_ROWS: LexRow[] = [...IMPLIED_ENGLISH_ROWS, ...IMPLIED_SPANISH_ROWS]
