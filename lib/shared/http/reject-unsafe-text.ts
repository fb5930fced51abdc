import { AppError } from '@/lib/shared/errors'

const MAX_DEPTH = 64

/**
 * Throws a 422 when any string in `value` (object keys included) holds a NUL character or an
 * unpaired UTF-16 surrogate. Postgres cannot store NUL in text and either one turns into a
 * driver error deep inside a service; refused at the door, the client learns which field.
 * Iterative, and bounded in depth, so a hostile 64 KB body of nested arrays cannot overflow
 * the stack here or in whatever walks the value later.
 */
export function rejectUnsafeText(value: unknown, where: string): void {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: where, depth: 0 }]
  while (stack.length) {
    const { v, path, depth } = stack.pop()!
    if (typeof v === 'string') {
      if (!isSafeText(v)) throw unsafe(path)
      continue
    }
    if (!v || typeof v !== 'object') continue
    if (depth >= MAX_DEPTH) throw AppError.validation('Input is nested too deeply', { [path]: [`deeper than ${MAX_DEPTH} levels`] })
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ v: item, path: `${path}.${i}`, depth: depth + 1 }))
      continue
    }
    for (const [k, item] of Object.entries(v)) {
      if (!isSafeText(k)) throw unsafe(path)
      stack.push({ v: item, path: `${path}.${k}`, depth: depth + 1 })
    }
  }
}

export function isSafeText(s: string): boolean {
  return !s.includes('\u0000') && s.isWellFormed()
}

function unsafe(path: string) {
  return AppError.validation('Text must not contain NUL characters or unpaired surrogates', {
    [path]: ['contains a NUL character or an unpaired surrogate'],
  })
}
