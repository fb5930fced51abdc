import { AppError } from '@/lib/shared/errors'

/** The longest request we accept: a sentence or two, not an essay (and bounded work). */
export const MAX_REQUEST_CHARS = 500

export type TokenKind = 'word' | 'number' | 'time' | 'punct'
export interface Token {
  kind: TokenKind
  /** Normalised text: lower case, accents stripped ("Romántica" → "romantica"). */
  text: string
}

/**
 * Checks the raw request at the boundary: a string of at most MAX_REQUEST_CHARS after
 * trimming. Control characters become spaces so they cannot smuggle anything into logs.
 */
export function assertRequestText(text: unknown): string {
  if (typeof text !== 'string') {
    throw AppError.validation('The request must be text', { text: ['expected a string'] })
  }
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim()
  if (clean.length > MAX_REQUEST_CHARS) {
    throw AppError.validation(`The request is too long (${clean.length} characters, at most ${MAX_REQUEST_CHARS})`, {
      text: [`at most ${MAX_REQUEST_CHARS} characters`],
    })
  }
  return clean
}

/**
 * Lower-cases, strips diacritics (so Spanish works with or without accents), drops
 * apostrophes ("don't" → "dont") and turns hyphens into spaces ("show-off" → "show off").
 */
export function normalizeRequestText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/(\d)\s*[-–]\s*(\d)/g, '$1 to $2') // "2-3 minutes" is a range, not two numbers
    .replace(/[-–—_/]/g, ' ')
    .replace(/&/g, ' and ')
}

// Order matters: a clock time before a plain number, a number glued to its unit ("90s",
// "2min", "1.5m") is split so the unit is its own word.
const TOKEN_RE = /(\d{1,2}:\d{2})|(\d+(?:[.,]\d+)?)([a-z]+)?|([a-z]+)|([.,;:!?()])/g

export function tokenizeRequest(normalized: string): Token[] {
  const tokens: Token[] = []
  for (const m of normalized.matchAll(TOKEN_RE)) {
    if (m[1]) tokens.push({ kind: 'time', text: m[1] })
    else if (m[2]) {
      tokens.push({ kind: 'number', text: m[2].replace(',', '.') })
      if (m[3]) tokens.push({ kind: 'word', text: m[3] })
    } else if (m[4]) tokens.push({ kind: 'word', text: m[4] })
    else if (m[5]) tokens.push({ kind: 'punct', text: m[5] })
  }
  return tokens
}
