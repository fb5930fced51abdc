import type { LexCue } from './lexicon-types'
import type { Term } from './match-lexicon-terms'
import { CLOSE_HOLD_FAMILIES, type ReadRequest, type Signal } from './request-signals'

type DurationSignal = Extract<Signal, { kind: 'duration' }>
type FamilyCue = Extract<LexCue, { type: 'family' }>

/** Words a negation list or a pending quantity may run through ("no dips or any spins"). */
const ARTICLES = new Set(['a', 'an', 'the', 'any', 'some', 'of', 'de', 'del', 'la', 'las', 'los', 'el', 'too'])
/** Minute words that mean "one minute" on their own ("a minute and a half"). */
const BARE_MINUTE = new Set(['minute', 'minuto'])
/** "2 to 3 minutes", "2-3 minutes", "2 or 3 spins", "2 a 3 minutos": a range, read as its middle. */
const RANGE_WORDS = new Set(['to', 'or', 'o', 'a'])
const MAX_COUNT = 64

/**
 * Reads matched terms left to right with a little state: an open negation ("no", "sin")
 * applies to the next content word and runs on through a list of families joined by
 * "or"/"and"/","; a quantity ("a couple of", "2", "lots of") waits for its family across
 * adjectives ("a few easy turns"); a number waits for a unit ("2 minutes") or a family.
 * Anything unknown closes the scopes and goes to the free-text query, except a negated
 * unknown word, which is dropped with a warning (searching for "kissing" after "no kissing"
 * would fetch exactly what the user refused).
 */
export function interpretTerms(terms: Term[], words: string[]): ReadRequest {
  const out: ReadRequest = { signals: [], leftovers: [], warnings: [] }
  let neg: { start: number; phase: 'open' | 'list' } | null = null
  let qty: { start: number; direction: 'more' | 'fewer'; count: number | null } | null = null
  let num: { start: number; value: number; text: string; addTo: DurationSignal | null } | null = null
  let cap: number | null = null
  let intensity: { start: number; delta: number } | null = null
  let lastDur: { signal: DurationSignal; unit: number } | null = null

  const src = (from: number, to: number) => words.slice(from, to).join(' ')

  // A number nothing claimed: seconds after a minutes duration ("2 min 30"), else query text.
  const expireNumber = () => {
    if (!num) return
    if (num.addTo && Number.isInteger(num.value) && num.value < 60) {
      num.addTo.seconds = (num.addTo.seconds ?? 0) + num.value
      num.addTo.source += ` ${num.text}`
    } else out.leftovers.push(num.text)
    num = null
  }
  const clearScopes = () => {
    neg = null
    qty = null
    expireNumber()
    cap = null
    intensity = null
  }
  const clampCount = (n: number, source: string) => {
    if (n <= MAX_COUNT) return n
    out.warnings.push(`"${source}": at most ${MAX_COUNT} of one family; used ${MAX_COUNT}`)
    return MAX_COUNT
  }
  // After "no dips", only more families (joined by "or", "and", ",") stay negated.
  const continuesList = (term: Term) => {
    const type = term.cues[0]?.type
    return type === 'family' || type === 'closeHold' || type === 'hold' || type === 'connector' || type === 'modifier' ||
      (type === 'filler' && ARTICLES.has(term.text))
  }
  const nextContentIsFamily = (k: number) => {
    for (let j = k + 1; j < terms.length; j++) {
      const type = terms[j].cues[0]?.type
      if (type === 'modifier') continue
      return type === 'family'
    }
    return false
  }

  const onFamily = (term: Term, cue: FamilyCue, k: number) => {
    // "a few basic turns": here "basic" means simple, not the basic-step family.
    if (cue.family === 'basic' && !cue.name && /^basic/.test(term.text) && nextContentIsFamily(k)) {
      out.signals.push({ kind: 'scalar', slot: 'difficulty', value: 'beginner', strength: 1, negated: false, source: term.text })
      return
    }
    if (neg) {
      out.signals.push({ kind: 'family', family: cue.family, polarity: 'exclude', source: src(neg.start, term.end) })
      neg.phase = 'list'
      qty = null
      num = null
      cap = null
      return
    }
    let emphasis: { direction: 'more' | 'fewer'; count: number | null } | undefined
    let from = Math.min(term.start, cap ?? Infinity)
    if (num && num.value >= 1) {
      from = Math.min(from, num.start)
      const count = clampCount(Math.round(num.value), src(from, term.end))
      emphasis = { direction: cap !== null ? 'fewer' : 'more', count }
      num = null
    } else if (qty) {
      from = Math.min(from, qty.start)
      emphasis = { direction: cap !== null && qty.count !== null ? 'fewer' : qty.direction, count: qty.count }
    }
    expireNumber()
    qty = null
    cap = null
    intensity = null
    // "fewer dips" only tunes the amount; "only one dip" still asks for one.
    const polarity = emphasis?.direction === 'fewer' && emphasis.count === null ? 'neutral' : 'include'
    out.signals.push({
      kind: 'family', family: cue.family, polarity, source: src(from, term.end),
      ...(cue.name && polarity === 'include' ? { name: cue.name } : {}),
      ...(emphasis ? { emphasis } : {}),
    })
  }

  const onScalars = (term: Term) => {
    const negated = neg !== null
    const from = neg?.start ?? intensity?.start ?? term.start
    const delta = intensity?.delta ?? 0
    const source = src(from, term.end)
    for (const cue of term.cues) {
      if (cue.type === 'mood') out.signals.push({ kind: 'mood', value: cue.value, negated, source })
      else if (cue.type === 'difficulty' || cue.type === 'energy' || cue.type === 'style' || cue.type === 'tempo') {
        out.signals.push({ kind: 'scalar', slot: cue.type, value: cue.value, strength: cue.strength + delta, negated, source })
      }
    }
    // An implied reading is a guess: its words stay in the free-text query for search.
    if (term.kind === 'implied' && !negated) out.leftovers.push(term.text)
    neg = null
    intensity = null
  }

  const excludeCloseHolds = (source: string) => {
    for (const family of CLOSE_HOLD_FAMILIES) out.signals.push({ kind: 'family', family, polarity: 'exclude', source })
  }

  const onUnit = (term: Term, seconds: number) => {
    if (neg) { num = null; clearScopes(); return } // "not 2 minutes" says nothing usable about the length
    if (num?.addTo && seconds === 1) {
      num.addTo.seconds = (num.addTo.seconds ?? 0) + num.value
      num.addTo.source += ` ${src(num.start, term.end)}`
      num = null
      return
    }
    let count: number | null = null
    let from = term.start
    if (num) { count = num.value; from = num.start; num = null }
    else if (qty?.count != null) { count = qty.count; from = qty.start; qty = null }
    else if (BARE_MINUTE.has(term.text.replace(/s$/, ''))) count = 1
    if (count === null) return // a bare "s" or "second" ("a second dip") is no duration
    const signal: DurationSignal = { kind: 'duration', seconds: count * seconds, strength: 2, source: src(from, term.end) }
    out.signals.push(signal)
    lastDur = { signal, unit: seconds }
  }

  terms.forEach((term, k) => {
    const prevDur = lastDur
    lastDur = null
    if (term.kind === 'comma') {
      if (neg?.phase !== 'list') neg = null
      const keepNeg = neg
      clearScopes()
      neg = keepNeg
      return
    }
    if (term.kind === 'stop') return clearScopes()
    if (term.kind === 'unknown') {
      if (neg?.phase === 'list') neg = null
      if (neg) {
        out.warnings.push(`"${src(neg.start, term.end)}": "${term.text}" is not in the dance vocabulary; ignored`)
        return clearScopes()
      }
      clearScopes()
      out.leftovers.push(term.text)
      return
    }
    const cue = term.cues[0]
    if (neg?.phase === 'list' && !continuesList(term)) neg = null
    switch (cue.type) {
      case 'family': return onFamily(term, cue, k)
      case 'difficulty': case 'energy': case 'style': case 'tempo': case 'mood': return onScalars(term)
      case 'closeHold':
        if (!neg) {
          // "intimate" is a close hold that also implies a mood; "close" alone implies none.
          for (const c of term.cues) if (c.type === 'mood') out.signals.push({ kind: 'mood', value: c.value, negated: false, source: term.text })
          clearScopes()
          out.leftovers.push(term.text)
          return
        }
        excludeCloseHolds(src(neg.start, term.end))
        neg.phase = 'list'
        return
      case 'hold':
        // "a wrap" is left to search (it finds clips danced in the cuddle); "no wraps" is a hard exclusion.
        if (!neg) { clearScopes(); out.leftovers.push(term.text); return }
        out.signals.push({ kind: 'hold', hold: cue.hold, source: src(neg.start, term.end) })
        neg.phase = 'list'
        return
      case 'openOnly':
        if (neg) return clearScopes() // "not in open position": no usable preference
        return excludeCloseHolds(term.text)
      case 'duration':
        if (neg) return clearScopes()
        out.signals.push({ kind: 'duration', seconds: cue.seconds, strength: cue.strength, source: term.text })
        return
      case 'unit': return onUnit(term, cue.seconds)
      case 'number': {
        if (num && RANGE_WORDS.has(terms[k - 1]?.text)) {
          num.value = (num.value + cue.value) / 2
          num.text += ` ${terms[k - 1].text} ${term.text}`
          return
        }
        // "forty five" → 45
        if (num && num.value >= 20 && num.value < 100 && num.value % 10 === 0 && cue.value < 10) {
          num.value += cue.value
          num.text += ` ${term.text}`
          return
        }
        expireNumber()
        num = { start: term.start, value: cue.value, text: term.text, addTo: prevDur?.unit === 60 ? prevDur.signal : null }
        return
      }
      case 'half':
        if (num) { num.value += 0.5; num.text += ` ${term.text}` }
        else if (prevDur && prevDur.signal.seconds !== null) {
          prevDur.signal.seconds += prevDur.unit / 2
          prevDur.signal.source += ` ${term.text}`
        }
        return
      case 'negator':
        clearScopes()
        neg = { start: term.start, phase: 'open' }
        return
      case 'quantity':
        if (neg) {
          // "don't want too many dips": fewer dips, not none.
          qty = { start: neg.start, direction: cue.direction === 'more' ? 'fewer' : 'more', count: null }
          neg = null
          return
        }
        expireNumber()
        qty = { start: term.start, direction: cue.direction, count: cue.count }
        return
      case 'cap':
        clearScopes()
        cap = term.start
        return
      case 'intensity':
        intensity = { start: term.start, delta: cue.delta }
        return
      case 'break': return clearScopes()
      case 'connector':
        lastDur = prevDur
        return
      case 'modifier': return
      case 'filler':
        if (ARTICLES.has(term.text) || (num && RANGE_WORDS.has(term.text))) return
        qty = null
        cap = null
        expireNumber()
        return
    }
  })
  expireNumber()
  return out
}
