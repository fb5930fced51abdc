import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import type { Family, Hold } from '@/lib/engines/dance/vocabulary'

/**
 * What a move is about, in words: the text both embedders see. Names, family, tags and the
 * description carry the meaning; styles, moods, difficulty, energy and holds are spelled out
 * so a query in plain words ("slow sensual move in closed hold") can meet them. Lead and
 * follow notes are left out on purpose: they describe technique ("prep on 7-8") shared by
 * many moves and would pull every vector towards the same place.
 */
const FAMILY_WORDS: Record<Family, string> = {
  'basic': 'basic step',
  'cross-body-lead': 'cross body lead',
  'lady-turn': 'lady turn, turn for the follower',
  'spin': 'spin',
  'hammerlock': 'hammerlock arm wrap',
  'shadow': 'shadow position',
  'body-wave': 'body wave, body roll',
  'hip-roll': 'hip roll, hips',
  'head-roll': 'head roll, hair',
  'bolero': 'bolero, slow',
  'footwork': 'footwork, shines',
  'golpe': 'golpe, accent hit',
  'arm-styling': 'arm styling, arms',
  'dip': 'dip',
  'intro': 'intro, start of the song',
  'outro': 'outro, ending pose',
}

const HOLD_WORDS: Record<Hold, string> = {
  'closed': 'closed hold', 'open-closed': 'open-closed hold', 'two-hand-open': 'open hold, two hands',
  'one-hand-open': 'open hold, one hand', 'cross-hand': 'cross-hand hold', 'shadow': 'shadow position',
  'hammerlock': 'hammerlock', 'cuddle': 'cuddle wrap', 'side-by-side': 'side by side', 'tandem': 'tandem',
}

const ENERGY_WORDS = { low: 'low energy, slow, calm', medium: 'medium energy', high: 'high energy, fast, energetic' }

export type MoveTextSource = Pick<
  MoveAnnotation,
  'name' | 'family' | 'variant' | 'styles' | 'moods' | 'difficulty' | 'energy' | 'tags' | 'description' | 'entry' | 'exit'
>

export function moveText(m: MoveTextSource): string {
  const holds = m.entry.hold === m.exit.hold ? HOLD_WORDS[m.entry.hold] : `${HOLD_WORDS[m.entry.hold]} to ${HOLD_WORDS[m.exit.hold]}`
  return [
    `${m.name}.`,
    m.variant ? `${m.variant}.` : '',
    `${FAMILY_WORDS[m.family]}.`,
    `${m.tags.join(', ')}.`,
    m.description,
    `${m.styles.join(', ')} bachata.`,
    m.moods.length ? `${m.moods.join(', ')}.` : '',
    `${m.difficulty}, ${ENERGY_WORDS[m.energy]}.`,
    `${holds}.`,
  ].filter(Boolean).join(' ')
}
