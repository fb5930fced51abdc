import { execFileSync } from 'node:child_process'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join, relative, resolve, dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { parseRequestOffline } from '@/lib/engines/request/parse-request-offline'
import { buildWordMeanings } from '@/lib/engines/request/word-meanings'
import { readWordVectors } from '@/lib/engines/search/word-vectors-file'
import { ensureWordVectors } from '@/scripts/lib/compact-word-vectors'
import { BECAME_LEXICON, HELD_OUT, NEUTRAL, type Phrasing } from '@/tests/unit/request/words/held-out-phrasings'
import { TUNING, TUNING_NEUTRAL } from '@/tests/unit/request/words/tuning-phrasings'
import { FIELDS, noisyReadings, scorePhrasings, type FieldScore } from '@/tests/unit/request/words/score-phrasings'

/**
 * npm run bench:request-words [-- --before <git ref>] → bench/results/request-words.json
 * Requests in a dancer's own words (issue 11 item 7): accuracy field by field on the held-out
 * set, side by side in one run for
 *   before   the parser as it was at <ref> (default: the commit before this work), checked
 *            out of git into .data/bench and imported as it was;
 *   lexicon  today's parser without word vectors (implied lexicon + Spanish word forms);
 *   after    today's parser with the word-vector look-up, as the app runs it.
 * Also the held-out phrasings removed once the implied lexicon came to contain their words,
 * the tuning set (what the parser was tuned on: not the figure to quote) and how many neutral
 * requests got any reading (noise).
 */
const { values: args } = parseArgs({ options: { before: { type: 'string', default: 'cce0e0d' } } })
const ROOT = resolve(import.meta.dirname, '..')

type Parse = (text: string) => ReturnType<typeof parseRequestOffline>

/** The offline parser at a git ref, extracted with its engine and shared folders; '@/' imports point into the extract. */
async function parserAt(ref: string): Promise<Parse> {
  const dir = join(ROOT, '.data/bench/parser-at', ref.replace(/[^\w.-]/g, '_'))
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const tar = execFileSync('git', ['archive', ref, 'lib/engines', 'lib/shared'], { cwd: ROOT, maxBuffer: 1 << 28 })
  execFileSync('tar', ['-x', '-C', dir], { input: tar })
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts'))
  for (const f of files) {
    const file = join(dir, f)
    const text = await readFile(file, 'utf8')
    const rel = relative(dirname(file), dir) || '.'
    await writeFile(file, text.replace(/(['"])@\//g, `$1${rel.startsWith('.') ? rel : `./${rel}`}/`))
  }
  const mod = (await import(join(dir, 'lib/engines/request/parse-request-offline.ts'))) as { parseRequestOffline: Parse }
  return (text) => mod.parseRequestOffline(text)
}

const vectors = await readWordVectors(await ensureWordVectors())
const wordMeanings = buildWordMeanings(vectors)
const parsers: Record<string, Parse> = {
  before: await parserAt(args.before!),
  lexicon: (t) => parseRequestOffline(t),
  after: (t) => parseRequestOffline(t, { wordMeanings }),
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`
function table(title: string, set: readonly Phrasing[], neutral: readonly string[]) {
  const scores = Object.fromEntries(Object.entries(parsers).map(([name, parse]) => [name, scorePhrasings(set, parse)])) as Record<string, FieldScore[]>
  const noise = Object.fromEntries(Object.entries(parsers).map(([name, parse]) => [name, noisyReadings(neutral, parse)]))
  console.log(`\n${title}: ${set.length} phrasings (${set.filter((p) => p.lang === 'es').length} Spanish), ${neutral.length} neutral`)
  console.log(`${'field'.padEnd(11)}${'cases'.padStart(6)}${Object.keys(parsers).map((n) => n.padStart(16)).join('')}   (wrong readings: before/lexicon/after)`)
  FIELDS.forEach((f, i) => {
    const row = Object.values(scores).map((s) => `${s[i].correct} = ${pct(s[i].accuracy)}`.padStart(16)).join('')
    console.log(`${f.padEnd(11)}${String(scores.after[i].cases).padStart(6)}${row}   ${Object.values(scores).map((s) => s[i].wrong).join('/')}`)
  })
  const total = (s: FieldScore[]) => s.reduce((a, x) => a + x.correct, 0) / s.reduce((a, x) => a + x.cases, 0)
  console.log(`${'all fields'.padEnd(11)}${String(scores.after.reduce((a, x) => a + x.cases, 0)).padStart(6)}${Object.values(scores).map((s) => pct(total(s)).padStart(16)).join('')}`)
  console.log(`${'noise'.padEnd(11)}${String(neutral.length).padStart(6)}${Object.values(noise).map((n) => String(n.length).padStart(16)).join('')}   (neutral requests given any reading)`)
  return { scores, noise, allFields: Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, total(s)])) }
}

const started = performance.now()
const heldOut = table('HELD-OUT (the figure)', HELD_OUT, NEUTRAL)
const english = table('held-out, English only', HELD_OUT.filter((p) => p.lang === 'en'), [])
const spanish = table('held-out, Spanish only', HELD_OUT.filter((p) => p.lang === 'es'), [])
const removed = table('removed from the held-out set: the implied lexicon now has their words (look-ups)', BECAME_LEXICON, [])
const tuning = table('tuning (tuned on: not the figure)', TUNING, TUNING_NEUTRAL)
const out = {
  date: new Date().toISOString(), before: args.before, vectors: vectors.header.wordsHash,
  heldOut, english: english.allFields, spanish: spanish.allFields, removed: removed.allFields, tuning,
  ms: Math.round(performance.now() - started),
}
await mkdir(join(ROOT, 'bench/results'), { recursive: true })
await writeFile(join(ROOT, 'bench/results/request-words.json'), `${JSON.stringify(out, null, 2)}\n`)
console.log('\n→ bench/results/request-words.json')
