import { describe, expect, it } from 'vitest'
import { AppError } from '@/lib/shared/errors'
import { parseRequestOffline } from '@/lib/engines/request/parse-request-offline'
import { ChoreographyParamsSchema, type ChoreographyParams } from '@/lib/engines/dance/choreography-params'

/** The complete expected params: defaults plus what the case states (parser "offline"). */
const params = (fields: Partial<ChoreographyParams>): ChoreographyParams =>
  ChoreographyParamsSchema.parse({ parser: 'offline', ...fields })

const CLOSE = ['bolero', 'body-wave', 'head-roll', 'dip'] as const

type Case = [rule: string, text: string, expected: Partial<ChoreographyParams>]

const CASES: Case[] = [
  // negation
  ['negation', 'no dips', { excludeFamilies: ['dip'] }],
  ['negation', 'without hammerlock', { excludeFamilies: ['hammerlock'] }],
  ['negation: close hold', 'nothing too close', { excludeFamilies: [...CLOSE] }],
  ['negation: list', 'no dips or spins', { excludeFamilies: ['dip', 'spin'] }],
  ['negation: comma list', 'no dips, spins or hammerlock', { excludeFamilies: ['dip', 'spin', 'hammerlock'] }],
  ['negation: filler words', "don't want any spins", { excludeFamilies: ['spin'] }],
  ['negation ends at but', 'avoid hammerlocks and shadow, but lots of turns', {
    excludeFamilies: ['hammerlock', 'shadow'], includeFamilies: ['lady-turn'],
    emphasis: [{ family: 'lady-turn', direction: 'more', count: null }],
  }],
  ['negation ends at a new adjective', 'no dips and easy turns', {
    difficulty: 'beginner', excludeFamilies: ['dip'], includeFamilies: ['lady-turn'],
  }],
  ['negation: open holds', 'keep it open, no bolero', { excludeFamilies: [...CLOSE] }],
  ['negation of an unknown word is dropped', 'no kissing', {
    warnings: ['"no kissing": "kissing" is not in the dance vocabulary; ignored'],
  }],
  // quantities
  ['quantity: lots', 'lots of turns', { includeFamilies: ['lady-turn'], emphasis: [{ family: 'lady-turn', direction: 'more', count: null }] }],
  ['quantity: a couple', 'a couple of spins', { includeFamilies: ['spin'], emphasis: [{ family: 'spin', direction: 'more', count: 2 }] }],
  ['quantity: a few + level', 'a few easy turns', {
    difficulty: 'beginner', includeFamilies: ['lady-turn'], emphasis: [{ family: 'lady-turn', direction: 'more', count: 3 }],
  }],
  ['quantity: one', 'one dip', { includeFamilies: ['dip'], emphasis: [{ family: 'dip', direction: 'more', count: 1 }] }],
  ['quantity: only = ceiling', 'only one dip at the very end', { includeFamilies: ['dip'], emphasis: [{ family: 'dip', direction: 'fewer', count: 1 }] }],
  ['quantity: at most', 'at most two spins', { includeFamilies: ['spin'], emphasis: [{ family: 'spin', direction: 'fewer', count: 2 }] }],
  ['quantity: digits', '3 spins and 2 dips', {
    includeFamilies: ['spin', 'dip'],
    emphasis: [{ family: 'spin', direction: 'more', count: 3 }, { family: 'dip', direction: 'more', count: 2 }],
  }],
  ['quantity: negated', 'dont want too many dips', { emphasis: [{ family: 'dip', direction: 'fewer', count: null }] }],
  ['quantity: not many', 'not many spins', { emphasis: [{ family: 'spin', direction: 'fewer', count: null }] }],
  ['quantity without a family expires', 'a romantic routine for a couple', { moods: ['romantic'] }],
  ['quantity: capped at 64', '100 spins', {
    includeFamilies: ['spin'], emphasis: [{ family: 'spin', direction: 'more', count: 64 }],
    warnings: ['"100 spins": at most 64 of one family; used 64'],
  }],
  // durations
  ['duration: minutes', '2 minutes', { durationSeconds: 120 }],
  ['duration: 90s', '90s', { durationSeconds: 90 }],
  ['duration: clock', '1:30', { durationSeconds: 90 }],
  ['duration: a minute and a half', 'a minute and a half', { durationSeconds: 90 }],
  ['duration: and a half', '2 and a half minutes', { durationSeconds: 150 }],
  ['duration: min + seconds', '2 min 30', { durationSeconds: 150 }],
  ['duration: words', 'two minutes and thirty seconds', { durationSeconds: 150 }],
  ['duration: compound number', 'forty five seconds', { durationSeconds: 45 }],
  ['duration: decimal glued', '1.5min', { durationSeconds: 90 }],
  ['duration: whole song', 'the whole song, sensual', { durationSeconds: null, style: 'sensual' }],
  ['duration: short', 'a short romantic routine', { durationSeconds: 60, moods: ['romantic'] }],
  ['duration: explicit beats vague', 'a short 3 minute routine', {
    durationSeconds: 180, warnings: ['duration: chose 180 s ("3 minute") over 60 s ("short")'],
  }],
  ['duration: last wins', 'two minutes, actually the whole song', {
    durationSeconds: null, warnings: ['duration: chose the whole song ("whole song") over 120 s ("two minutes")'],
  }],
  ['duration: clamped', '20 minutes of bachata', { durationSeconds: 900, warnings: ['duration: 1200 s is outside 8–900 s; used 900 s'] }],
  ['duration: "a second" is not a length', 'a second dip', { includeFamilies: ['dip'] }],
  ['duration: range → middle', 'about 2-3 minutes', { durationSeconds: 150 }],
  ['duration: spanish range', 'de 1 a 2 minutos', { durationSeconds: 90 }],
  ['duration: negated is ignored', 'not 2 minutes', {}],
  ['negation list ends at a duration', 'sensual, nada de vueltas, 2 min', { style: 'sensual', excludeFamilies: ['lady-turn'], durationSeconds: 120 }],
  ['quantity: range → rounded middle', '2 or 3 spins', { includeFamilies: ['spin'], emphasis: [{ family: 'spin', direction: 'more', count: 3 }] }],
  ['energy: negated → middle', 'easy but not boring', { difficulty: 'beginner', energy: 'medium' }],
  // levels and synonyms
  ['level: easy', 'easy', { difficulty: 'beginner' }],
  ['level: first class', 'for my first class', { difficulty: 'beginner' }],
  ['level: never danced', 'we have never danced before', { difficulty: 'beginner' }],
  ['level: pro, show-off', 'pro level show-off routine', { difficulty: 'advanced' }],
  ['level: intermediate', 'intermediate dancers', { difficulty: 'intermediate' }],
  ['level: negated → middle', 'not too hard', { difficulty: 'intermediate' }],
  ['level: nothing fancy', 'nothing fancy', { difficulty: 'beginner' }],
  ['level: basic as adjective', 'a few basic turns', {
    difficulty: 'beginner', includeFamilies: ['lady-turn'], emphasis: [{ family: 'lady-turn', direction: 'more', count: 3 }],
  }],
  ['level: contradiction, last wins', 'beginner friendly but with some advanced spins', {
    difficulty: 'advanced', includeFamilies: ['spin'],
    warnings: ['difficulty: chose "advanced" ("advanced") over "beginner" ("beginner friendly")'],
  }],
  // moods and styles
  ['mood', 'romantic', { moods: ['romantic'] }],
  ['moods in order', 'playful and dramatic', { moods: ['playful', 'dramatic'] }],
  ['mood negated', 'romantic but not too dramatic', { moods: ['romantic'] }],
  ['style: sensual', 'sensual', { style: 'sensual' }],
  ['style: dominican', 'dominican style', { style: 'traditional' }],
  ['style: urban', 'urban bachata', { style: 'moderna' }],
  ['style: correction', 'sensual, actually make it dominican', {
    style: 'traditional', warnings: ['style: chose "traditional" ("dominican") over "sensual" ("sensual")'],
  }],
  // energy and tempo, contradictions by strength then order
  ['contradiction: slow but energetic', 'slow but energetic', {
    tempo: 'slow', energy: 'high', moods: ['energetic'], warnings: ['energy: chose "high" ("energetic") over "low" ("slow")'],
  }],
  ['contradiction: strongest wins', 'very slow, a little energetic', {
    tempo: 'slow', energy: 'low', moods: ['energetic'],
    warnings: ['energy: chose "low" ("very slow") over "high" ("a little energetic")'],
  }],
  ['contradiction: explicit beats implied', 'high energy but slow', {
    tempo: 'slow', energy: 'high', warnings: ['energy: chose "high" ("high energy") over "low" ("slow")'],
  }],
  ['contradiction: several losers', 'calm and relaxed, then super energetic for the mambo', {
    energy: 'high', moods: ['energetic'], query: 'mambo',
    warnings: ['energy: chose "high" ("super energetic") over "low" ("calm"), "low" ("relaxed")'],
  }],
  ['tempo: fast agrees with fiery', 'fast and fiery', { tempo: 'fast', energy: 'high' }],
  ['energy: chill', 'chill', { energy: 'low' }],
  ['tempo: negated → middle', 'not too fast', { tempo: 'medium', energy: 'medium' }],
  // Spanish
  ['spanish: moods', 'suave y romántica', { moods: ['smooth', 'romantic'] }],
  ['spanish: accents optional, any case', 'ROMANTICA Y SUAVE', { moods: ['romantic', 'smooth'] }],
  ['spanish: vueltas', 'muchas vueltas', { includeFamilies: ['lady-turn'], emphasis: [{ family: 'lady-turn', direction: 'more', count: null }] }],
  ['spanish: principiante, sin giros', 'para principiantes, sin giros', { difficulty: 'beginner', excludeFamilies: ['lady-turn'] }],
  ['spanish: dos minutos', 'dos minutos', { durationSeconds: 120 }],
  ['spanish: style + tempo', 'bachata dominicana rápida', { style: 'traditional', tempo: 'fast', energy: 'high' }],
  ['spanish: minuto y medio', 'un minuto y medio, sin caídas', { durationSeconds: 90, excludeFamilies: ['dip'] }],
  // family synonyms and names
  ['synonyms: twirl, spin', 'twirls and spins', { includeFamilies: ['lady-turn', 'spin'] }],
  ['synonyms: shines + named taconeo', 'shines and taconeo', { includeFamilies: ['footwork'], includeMoves: ['taconeo'] }],
  ['synonyms: drop', 'a drop at the end', { includeFamilies: ['dip'] }],
  ['synonyms: waves, hair flips', 'body waves and hair flips', { includeFamilies: ['body-wave', 'head-roll'] }],
  // The cuddle is a hold several families dance in, not the shadow family (issue 9 pinned it).
  ['holds: cuddle, wrap go to search', 'a cuddle and a wrap', { query: 'cuddle wrap' }],
  ['holds: no wraps excludes the cuddle hold', 'no wraps or sweethearts', { excludeHolds: ['cuddle'] }],
  ['include by name', 'include the Madrid', { includeFamilies: ['footwork'], includeMoves: ['madrid'] }],
  ['synonyms: cbl, hammerlock', 'cross-body leads and a hammerlock', { includeFamilies: ['cross-body-lead', 'hammerlock'] }],
  ['synonyms: hips, bolero, styling', 'hip rolls, bolero and some arm styling', { includeFamilies: ['hip-roll', 'bolero', 'arm-styling'] }],
  ['synonyms: intro, ending', 'start with an intro and finish with an ending pose', { includeFamilies: ['intro', 'outro'] }],
  ['synonyms: golpes', 'golpes on the accents', { includeFamilies: ['golpe'] }],
  // emphasis
  ['emphasis: more', 'more footwork', { includeFamilies: ['footwork'], emphasis: [{ family: 'footwork', direction: 'more', count: null }] }],
  ['emphasis: fewer does not include', 'fewer dips', { emphasis: [{ family: 'dip', direction: 'fewer', count: null }] }],
  ['emphasis: mixed', 'more turns, fewer spins, no dips', {
    includeFamilies: ['lady-turn'], excludeFamilies: ['dip'],
    emphasis: [{ family: 'lady-turn', direction: 'more', count: null }, { family: 'spin', direction: 'fewer', count: null }],
  }],
  // family contradictions: the last mention wins
  ['family flip', 'lots of turns, actually no turns', {
    excludeFamilies: ['lady-turn'], warnings: ['lady-turn: "no turns" overrides the earlier "lots of turns"'],
  }],
  ['family flip from close hold', 'nothing too close but one dip at the end', {
    includeFamilies: ['dip'], excludeFamilies: ['bolero', 'body-wave', 'head-roll'],
    emphasis: [{ family: 'dip', direction: 'more', count: 1 }],
    warnings: ['dip: "one dip" overrides the earlier "nothing too close"'],
  }],
  // free-text remainder
  ['query', 'romantic routine for our wedding', { moods: ['romantic'], query: 'wedding' }],
  ['query keeps order', 'something like Romeo Santos, playful', { moods: ['playful'], query: 'romeo santos' }],
  ['empty request', '   ', {}],
  // whole requests
  ['whole request', 'romantic beginner routine with a few easy turns, no dips, about two minutes', {
    difficulty: 'beginner', moods: ['romantic'], durationSeconds: 120, includeFamilies: ['lady-turn'], excludeFamilies: ['dip'],
    emphasis: [{ family: 'lady-turn', direction: 'more', count: 3 }],
  }],
  ['whole request', 'Advanced sensual choreo: 2 spins, a dip, lots of body waves, 1:45, fast', {
    difficulty: 'advanced', style: 'sensual', durationSeconds: 105, tempo: 'fast', energy: 'high',
    includeFamilies: ['spin', 'dip', 'body-wave'],
    emphasis: [{ family: 'spin', direction: 'more', count: 2 }, { family: 'body-wave', direction: 'more', count: null }],
  }],
]

describe('parseRequestOffline: phrasings with exact params', () => {
  it('has at least 60 distinct phrasings', () => {
    expect(new Set(CASES.map(([, text]) => text)).size).toBeGreaterThanOrEqual(60)
  })

  it.each(CASES)('%s: %j', (_rule, text, expected) => {
    expect(parseRequestOffline(text)).toStrictEqual(params(expected))
  })
})

describe('parseRequestOffline: input bounds', () => {
  it('accepts 500 characters and rejects 501 with a 422 AppError', () => {
    const ok = `${'easy '.repeat(99)}easy`
    expect(ok.length).toBe(499)
    expect(parseRequestOffline(`${ok} `.padEnd(500, 'x')).difficulty).toBe('beginner')
    const tooLong = 'a'.repeat(501)
    expect(() => parseRequestOffline(tooLong)).toThrowError(AppError)
    try {
      parseRequestOffline(tooLong)
    } catch (e) {
      expect(e).toMatchObject({ status: 422, code: 'validation_failed', fields: { text: ['at most 500 characters'] } })
    }
  })

  it('trims before measuring, so padding does not count', () => {
    expect(parseRequestOffline(`   ${'x'.repeat(500)}   `).query).toBe('x'.repeat(500))
  })

  it('rejects non-string input with a 422 AppError', () => {
    expect(() => parseRequestOffline(42 as unknown as string)).toThrowError(/must be text/)
  })
})
