import { ChoreographyParamsSchema, type ChoreographyParams, type SpanPreference } from '@/lib/engines/dance/choreography-params'

type Section = NonNullable<SpanPreference['section']>

/** How dancers name a part of the song (normalised: lower case, no accents). */
const SECTION_WORDS: Record<Section, string> = {
  mambo: 'mambo|majao|mambo section|mambo part',
  chorus: 'chorus|choruses|coro|estribillo|refrain|hook',
  verse: 'verse|verses|verso|estrofa',
  intro: 'intro|introduction|introduccion',
  outro: 'outro|final part|ending part',
}

const ARTICLE = '(?:the |el |la |los |las )'
/** A section word followed by "move", "step" or "pose" is a move family ("an intro move"), not a part of the song. */
const NOT_A_MOVE = '(?! (?:move|moves|step|steps|pose|poses|paso|pasos))'

interface SpanRule {
  /** Matched on the normalised request; the whole match is taken out before the lexicon reads it. */
  re: RegExp
  read: (m: RegExpMatchArray) => { span?: SpanPreference; countIn?: boolean }
}

const sectionOf = (word: string): Section =>
  (Object.keys(SECTION_WORDS) as Section[]).find((s) => SECTION_WORDS[s].split('|').includes(word))!

const ALL_SECTION_WORDS = Object.values(SECTION_WORDS).join('|')
const section = (m: RegExpMatchArray) => ({ span: { kind: 'section' as const, section: sectionOf(m.groups!.w) } })
const best = () => ({ span: { kind: 'best' as const, section: null } })

/**
 * The phrases that choose a span or switch the count-in, in order of precedence. A section
 * needs a word that asks for it ("just", "only", "with", "solo", "con", "… part"): "footwork
 * in the mambo" or "energetic for the mambo" say how to dance there, not which part to dance. "Best" before a length keeps
 * the length for the duration grammar ("the best minute" → best, 60 s).
 */
const RULES: SpanRule[] = [
  { re: /\b(?:no|without|skip|sin)(?: a| an| the| el| la)? (?:count in|countdown|count off|conteo|cuenta)\b/g, read: () => ({ countIn: false }) },
  { re: /\bwith(?: a| the)? (?:count in|countdown|count off)\b|\bcon (?:el )?conteo\b/g, read: () => ({ countIn: true }) },
  { re: /\bfrom the (?:start|beginning|top|first count)\b|\bdesde el (?:principio|inicio)\b/g, read: () => ({ span: { kind: 'start', section: null } }) },
  {
    re: new RegExp(`\\b(?:just|only|solo|solamente|nothing but|with|con) ${ARTICLE}?(?<w>${ALL_SECTION_WORDS})\\b${NOT_A_MOVE}(?: (?:part|section|only|parte|seccion))?`, 'g'),
    read: section,
  },
  { re: new RegExp(`\\b${ARTICLE}?(?<w>${ALL_SECTION_WORDS}) (?:part|section|only|parte|seccion)\\b`, 'g'), read: section },
  {
    re: /\b(?:the |la |lo )?(?:best|mejor|nicest|coolest|most (?:energetic|intense|exciting|lively|fun)) (?:part|bit|section|moment|stretch|portion|parte|momento|pedazo)(?: of (?:the|this) (?:song|track))?(?: de la cancion)?\b|\b(?:the |el )?(?:highlight|highlights|climax|peak)(?: of (?:the|this) (?:song|track))?\b|\blo mejor(?: de la cancion)?\b/g,
    read: best,
  },
  // "the best minute", "best 30 seconds", "el mejor minuto": only the word "best" goes; the length stays.
  { re: /\b(?:best|mejor)(?= (?:\d|one|two|three|half|a minute|minute|minutes|min|uno|dos|tres|medio|minuto|minutos))/g, read: best },
]

export interface SpanPhrases {
  span: SpanPreference | null
  countIn: boolean | null
  /** The normalised text with the matched phrases blanked out, for the lexicon. */
  rest: string
  warnings: string[]
}

/** Reads span and count-in phrases from normalised text; what they said never reaches the lexicon or the query. */
export function readSpanPhrases(normalized: string): SpanPhrases {
  let rest = normalized
  const hits: Array<{ at: number; span?: SpanPreference; countIn?: boolean; text: string }> = []
  for (const rule of RULES) {
    for (const m of rest.matchAll(rule.re)) hits.push({ at: m.index, text: m[0], ...rule.read(m) })
    // Blanked, not cut: later rules and the lexicon see the same positions.
    rest = rest.replace(rule.re, (t) => ' '.repeat(t.length))
  }
  hits.sort((a, b) => a.at - b.at)
  const spans = hits.filter((h) => h.span)
  const counts = hits.filter((h) => h.countIn !== undefined)
  const warnings: string[] = []
  const last = spans[spans.length - 1]
  const differ = last ? spans.filter((h) => JSON.stringify(h.span) !== JSON.stringify(last.span)) : []
  if (differ.length) warnings.push(`span: chose "${last.text.trim()}" over ${differ.map((h) => `"${h.text.trim()}"`).join(', ')}`)
  return { span: last?.span ?? null, countIn: counts.length ? counts[counts.length - 1].countIn! : null, rest, warnings }
}

/** The parsed params with what the span phrases said (they only add: silence leaves the defaults). */
export function applySpanPhrases(params: ChoreographyParams, read: SpanPhrases): ChoreographyParams {
  return ChoreographyParamsSchema.parse({
    ...params,
    ...(read.span ? { span: read.span } : {}),
    ...(read.countIn === null ? {} : { countIn: read.countIn }),
    warnings: [...params.warnings, ...read.warnings].slice(0, 20),
  })
}
