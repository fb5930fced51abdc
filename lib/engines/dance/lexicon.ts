import type { Difficulty, Energy, Family, Hold, Mood, Style } from './vocabulary'

/**
 * THE dance lexicon: how dancers say things (English and basic Spanish, lower case, accents
 * stripped) → what they mean in the vocabulary. Request parsing reads the meanings (a
 * family to include or exclude, a level, a mood…); move search turns the same meanings into
 * the library's own words before embedding and matching (searchWordsOf). One table, so a
 * word can never mean one thing to the parser and another to search.
 *
 * A row may add `also` words for search only ("taconeo" is footwork, and also "heels").
 * Rows with nothing but `also` are search synonyms with no vocabulary meaning ("wedding",
 * "twice"): the parser leaves such words in the free-text query, where search expands them.
 * Grammar (numbers, durations, negation, quantities) is not dance vocabulary: it lives with
 * the parser (lib/engines/request/lexicon-grammar.ts).
 */
export type Tempo = 'slow' | 'medium' | 'fast'

/**
 * How sure a cue is about a slot: an explicit word for it ("energetic" for energy) is 2,
 * an implication ("slow" suggests low energy) is 1.
 */
export type Strength = 1 | 2

export type DanceMeaning =
  /** A move family; `name` when the user named one move ("the Madrid"). */
  | { type: 'family'; family: Family; name?: string }
  | { type: 'difficulty'; value: Difficulty; strength: Strength }
  | { type: 'energy'; value: Energy; strength: Strength }
  | { type: 'style'; value: Style; strength: Strength }
  | { type: 'tempo'; value: Tempo; strength: Strength }
  | { type: 'mood'; value: Mood }
  /** A hold that is no family of its own: the cuddle (wrap, sweetheart). */
  | { type: 'hold'; hold: Hold }
  /** "close", "close embrace": close-hold dancing in general. */
  | { type: 'closeHold' }
  /** "keep it open", "open position": prefer open holds. */
  | { type: 'openOnly' }
  /** Library words search adds for this phrase; no meaning for the parser. */
  | { type: 'also'; words: readonly string[] }

/** Phrases separated by "|" (normalised, space separated) and what they mean. */
export type DanceRow = readonly [phrases: string, meanings: readonly DanceMeaning[]]

const fam = (family: Family, name?: string): DanceMeaning => (name ? { type: 'family', family, name } : { type: 'family', family })
const also = (...words: string[]): DanceMeaning => ({ type: 'also', words })
const lvl = (value: Difficulty, strength: Strength = 2): DanceMeaning => ({ type: 'difficulty', value, strength })

export const FAMILY_ROWS: DanceRow[] = [
  ['basic', [fam('basic'), also('beginner')]],
  ['basics|basic step|basic steps|side basic|side basics|paso basico|pasos basicos|basico|basicos', [fam('basic')]],
  ['box step|box steps|box basic', [fam('basic', 'box step')]],
  ['cross body lead|cross body leads|cross body|cross bodies|cbl|cbls', [fam('cross-body-lead')]],
  ['turn|turns|turning|twirl|twirls|twirling|twirled|lady turn|lady turns|ladies turn|ladies turns|ladys turn|underarm turn|underarm turns|vuelta|vueltas|giro|giros', [fam('lady-turn')]],
  ['inside turn|inside turns', [fam('lady-turn', 'inside turn')]],
  ['outside turn|outside turns', [fam('lady-turn', 'outside turn')]],
  ['double turn|double turns', [fam('lady-turn', 'double turn')]],
  ['spin|spins|spinning|pirouette|pirouettes|multiple spins|lead spin|lead spins|follower spin|follower spins', [fam('spin')]],
  ['hammerlock|hammerlocks|hammer lock|hammer locks|candado|candados', [fam('hammerlock')]],
  ['shadow|shadows|shadow position|sombra|sombras', [fam('shadow')]],
  ['body wave|body waves|wave|waves|body roll|body rolls|undulation|undulations|ondulacion|ondulaciones|onda|ondas', [fam('body-wave')]],
  ['hip roll|hip rolls|hip circle|hip circles|hips|hip movement|hip movements', [fam('hip-roll')]],
  ['head roll|head rolls', [fam('head-roll')]],
  ['hair flip|hair flips|hair whip|hair whips', [fam('head-roll'), also('hair')]],
  ['bolero|boleros', [fam('bolero')]],
  ['footwork|foot work|shines|shine|syncopation|fancy feet|pasitos', [fam('footwork')]],
  ['syncopations', [fam('footwork'), also('syncopation')]],
  ['zapateo', [fam('footwork'), also('dominican')]],
  ['madrid|the madrid', [fam('footwork', 'madrid')]],
  ['taconeo|taconeos', [fam('footwork', 'taconeo'), also('heels')]],
  ['golpe|golpes|accent|accents|accent hit|accent hits|hit|hits|stomp|stomps|punch', [fam('golpe')]],
  ['arm styling|styling|arms|arm work|brazos', [fam('arm-styling')]],
  ['dip|dips|dipping|drop|drops|caida|caidas', [fam('dip')]],
  ['death drop|death drops', [fam('dip', 'death drop')]],
  ['intro|intros|intro move|opening|opening move|opener|entrance|entrada', [fam('intro')]],
  ['outro|outros|ending|ending pose|final pose|finale|closing pose|pose|poses', [fam('outro')]],
]

export const LEVEL_ROWS: DanceRow[] = [
  ['beginner|beginners|easy|easier|simple|simpler|newbie|newbies|novice|novices|starter|first class|first lesson|first time|first timer|first timers|' +
    'never danced|never danced before|new to bachata|new to dancing|new dancer|new dancers|absolute beginner|absolute beginners|' +
    'complete beginner|complete beginners|total beginner|keep it simple|nothing fancy|nothing complicated|beginner friendly|' +
    'introductory|entry level|level 1|principiante|principiantes|facil|faciles|sencillo|sencilla', [lvl('beginner')]],
  ['intermediate|intermediates|improver|improvers|some experience|medium level|medium difficulty|level 2|intermedio|intermedia|intermedios', [lvl('intermediate')]],
  ['medium', [lvl('intermediate', 1)]],
  ['advanced|pro|pros|professional|expert|experts|show off|showoff|show offs|showy|hard|harder|difficult|challenging|complex|' +
    'complicated|tricky|competition|level 3|avanzado|avanzada|avanzados|dificil', [lvl('advanced')]],
]

export const STYLE_ROWS: DanceRow[] = [
  ['traditional|dominican|dominicana|dominicano|tradicional|classic|old school|authentic', [{ type: 'style', value: 'traditional', strength: 2 }]],
  ['sensual|sexy|sultry', [{ type: 'style', value: 'sensual', strength: 2 }]],
  ['moderna|moderno|modern|urban|urbana|urbano|fusion', [{ type: 'style', value: 'moderna', strength: 2 }]],
]

export const MOOD_ROWS: DanceRow[] = [
  ['romantic|romance|romantica|romantico|loving|in love|amor', [{ type: 'mood', value: 'romantic' }]],
  ['playful|fun|funny|flirty|cheeky|jugueton|juguetona|divertido|divertida|happy', [{ type: 'mood', value: 'playful' }]],
  ['smooth|suave|silky|flowing|fluid|elegant|graceful', [{ type: 'mood', value: 'smooth' }]],
  ['dramatic|drama|dramatica|dramatico|theatrical|epic', [{ type: 'mood', value: 'dramatic' }]],
  // "energetic" is both a mood and an explicit energy level.
  ['energetic|energetica|energetico|energico|energica', [{ type: 'mood', value: 'energetic' }, { type: 'energy', value: 'high', strength: 2 }]],
]

export const ENERGY_ROWS: DanceRow[] = [
  ['high energy|lively|upbeat|intense|explosive|fiery|powerful|lots of energy|full of energy|mucha energia|hype', [{ type: 'energy', value: 'high', strength: 2 }]],
  ['medium energy|moderate energy|moderate|balanced', [{ type: 'energy', value: 'medium', strength: 2 }]],
  ['low energy|calm|mellow|laid back|low key|lowkey|boring|dull|tranquilo|tranquila|tranqui', [{ type: 'energy', value: 'low', strength: 2 }]],
  ['chill|chilled|relaxed|relaxing|gentle|soft', [{ type: 'energy', value: 'low', strength: 2 }, also('smooth')]],
]

// Tempo words also hint at energy, weakly: an explicit energy word elsewhere wins.
export const TEMPO_ROWS: DanceRow[] = [
  ['slow|slower|slowly|slow paced|lento|lenta|despacio', [{ type: 'tempo', value: 'slow', strength: 2 }, { type: 'energy', value: 'low', strength: 1 }]],
  ['fast|faster|rapid|speedy|fast paced|up tempo|uptempo|rapido|rapida', [{ type: 'tempo', value: 'fast', strength: 2 }, { type: 'energy', value: 'high', strength: 1 }]],
  ['medium tempo|mid tempo|midtempo|moderate tempo|normal speed|medium speed|medium pace|moderate pace', [{ type: 'tempo', value: 'medium', strength: 2 }]],
]

/**
 * Holds. "Close" is close-hold dancing (closed embrace), not the sensual style: close
 * Dominican bolero is not sensual bachata. The wrap is the cuddle hold (BACHATA.md), which
 * clips of several families use (basic, dip, arm styling, shadow): it is no family.
 */
export const HOLD_ROWS: DanceRow[] = [
  ['close|closer|closed|close embrace|close hold|close position|closed position|closed hold|close contact|body contact|tight|hug|' +
    'pegado|pegados|abrazo|cerca', [{ type: 'closeHold' }]],
  // Dancing this close is also a romantic request; "close" alone is only the hold.
  ['intimate|pegadito|abrazados', [{ type: 'closeHold' }, { type: 'mood', value: 'romantic' }]],
  ['keep it open|open position|open positions|open hold|open holds|open only|only open|stay open|posicion abierta', [{ type: 'openOnly' }]],
  ['cuddle|cuddles|cuddly|wrap|wraps|sweetheart|sweethearts|sweetheart wrap|cuddle position', [{ type: 'hold', hold: 'cuddle' }]],
]

/**
 * Search synonyms: words that point at library words but name no vocabulary value, or that
 * are grammar to the parser ("lots", "twice") and so must not become dance terms there.
 */
export const SEARCH_SYNONYM_ROWS: DanceRow[] = [
  ['twice', [also('double')]],
  ['two turns', [also('double', 'turn')]],
  ['three turns', [also('triple', 'turn')]],
  ['three times|thrice', [also('triple')]],
  ['several|many|lots', [also('multiple')]],
  ['lean|lean back', [also('dip')]],
  ['love', [also('romantic')]],
  ['steps|feet', [also('footwork')]],
  ['quick', [also('energetic', 'fast')]],
  ['energy', [also('energetic')]],
  ['hip', [also('hips')]],
  ['freeze', [also('freeze', 'pause')]],
  ['pause', [also('pause', 'freeze')]],
  ['finish|final|end', [also('outro', 'ending')]],
  ['start', [also('intro', 'start')]],
  ['first dance|wedding', [also('beginner', 'romantic', 'slow')]],
  ['get into|enter|entering', [also('entry')]],
  ['get out of|leave', [also('exit')]],
  ['behind', [also('shadow')]],
  ['hands', [also('arms')]],
]

export const DANCE_LEXICON: readonly DanceRow[] = [
  ...FAMILY_ROWS, ...LEVEL_ROWS, ...STYLE_ROWS, ...MOOD_ROWS, ...ENERGY_ROWS, ...TEMPO_ROWS, ...HOLD_ROWS, ...SEARCH_SYNONYM_ROWS,
]

/** The library's own words for each meaning: what search adds to a query that uses it. */
const FAMILY_WORDS: Record<Family, readonly string[]> = {
  'basic': ['basic'], 'cross-body-lead': ['cross', 'body', 'lead'], 'lady-turn': ['turn'], 'spin': ['spin'],
  'hammerlock': ['hammerlock'], 'shadow': ['shadow'], 'body-wave': ['body', 'wave'], 'hip-roll': ['hips', 'roll'],
  'head-roll': ['head', 'roll'], 'bolero': ['bolero'], 'footwork': ['footwork'], 'golpe': ['golpe', 'accent'],
  'arm-styling': ['arms', 'styling'], 'dip': ['dip'], 'intro': ['intro', 'start'], 'outro': ['outro', 'ending'],
}
const STYLE_WORDS: Record<Style, readonly string[]> = { traditional: ['traditional', 'dominican'], sensual: ['sensual'], moderna: ['moderna'] }
const ENERGY_WORDS: Record<Energy, readonly string[]> = { low: ['slow', 'calm'], medium: [], high: ['energetic'] }
const TEMPO_WORDS: Record<Tempo, readonly string[]> = { slow: ['slow'], medium: [], fast: ['fast'] }

export function searchWordsOf(meanings: readonly DanceMeaning[]): string[] {
  const words = meanings.flatMap((m): readonly string[] => {
    switch (m.type) {
      case 'family': return FAMILY_WORDS[m.family]
      case 'difficulty': return [m.value]
      case 'style': return STYLE_WORDS[m.value]
      case 'mood': return [m.value]
      case 'energy': return ENERGY_WORDS[m.value]
      case 'tempo': return TEMPO_WORDS[m.value]
      case 'hold': return [m.hold]
      case 'closeHold': return ['embrace']
      case 'openOnly': return ['open']
      case 'also': return m.words
    }
  })
  return [...new Set(words)]
}

/** Every phrase of these rows, in row order. */
export function phrasesOf(rows: ReadonlyArray<readonly [phrases: string, ...rest: unknown[]]>): string[] {
  return rows.flatMap(([phrases]) => phrases.split('|').map((p) => p.trim()))
}

export interface PhraseIndex<T> {
  /** Longest phrase starting at words[i], or null. */
  matchAt(words: readonly string[], i: number): { length: number; value: T } | null
  maxPhraseWords: number
}

/**
 * Phrase lookup by first word, longest phrase first, built once: matching is then a few
 * map look-ups per word. Shared by the parser (over tokens) and search (over words).
 */
export function buildPhraseIndex<T>(entries: Iterable<readonly [phrase: string, value: T]>): PhraseIndex<T> {
  const index = new Map<string, Array<{ words: string[]; value: T }>>()
  let maxPhraseWords = 1
  for (const [phrase, value] of entries) {
    const words = phrase.trim().split(/\s+/)
    maxPhraseWords = Math.max(maxPhraseWords, words.length)
    const list = index.get(words[0]) ?? []
    list.push({ words, value })
    index.set(words[0], list)
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length)
  return {
    maxPhraseWords,
    matchAt(words, i) {
      const hit = index.get(words[i])?.find((e) => i + e.words.length <= words.length && e.words.every((w, k) => words[i + k] === w))
      return hit ? { length: hit.words.length, value: hit.value } : null
    },
  }
}
