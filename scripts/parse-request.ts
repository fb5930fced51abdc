/**
 * npm run parse-request -- "romantic beginner routine, no dips, two minutes"
 * Prints the params JSON only (stdout); logs and errors go to stderr. Uses Gemini when
 * GEMINI_API_KEY is set, else the offline parser, which maps words the lexicon lacks
 * through the word vectors made by `npm run setup:models` (read as they are, never built here).
 */
import pino from 'pino'
import { isAppError } from '@/lib/shared/errors'
import { parseRequest } from '@/lib/engines/request/parse-request'
import { buildWordMeanings } from '@/lib/engines/request/word-meanings'
import { DEFAULT_WORD_VECTORS_FILE, readWordVectors } from '@/lib/engines/search/word-vectors-file'

const text = process.argv.slice(2).join(' ')
if (!text.trim()) {
  process.stderr.write('usage: npm run parse-request -- "<request text>"\n')
  process.exit(2)
}

const log = pino({ level: 'warn', base: { service: 'parse-request' } }, pino.destination(2))

const wordMeanings = await readWordVectors(DEFAULT_WORD_VECTORS_FILE).then(buildWordMeanings, () => {
  process.stderr.write(`no word vectors at ${DEFAULT_WORD_VECTORS_FILE} (npm run setup:models): words the lexicon lacks are not mapped\n`)
  return null
})

try {
  const params = await parseRequest(text, { log, wordMeanings })
  process.stdout.write(`${JSON.stringify(params, null, 2)}\n`)
} catch (err) {
  process.stderr.write(`${isAppError(err) ? `${err.code}: ${err.message}` : String(err)}\n`)
  process.exit(1)
}
