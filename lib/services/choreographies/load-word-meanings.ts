import { buildWordMeanings, type WordMeanings } from '@/lib/engines/request/word-meanings'
import { DEFAULT_WORD_VECTORS_FILE, readWordVectors } from '@/lib/engines/search/word-vectors-file'
import { logger } from '@/lib/shared/logger'

// One look-up per process, on globalThis for the same reason as the move index
// (move-search.ts): Next bundles route handlers separately, each with its own module copy.
const SLOT = Symbol.for('bachata-buddy.word-meanings')
type Slot = { [SLOT]?: Promise<WordMeanings | null> }
const slot = globalThis as Slot

/**
 * The request parser's word-vector look-up (words the lexicon lacks → the nearest vocabulary
 * term), read once from the compact vectors made at setup. Without the file (setup not run)
 * the parser still works from its lexicon alone: null, with one warning in the log.
 */
export function getWordMeanings(file = DEFAULT_WORD_VECTORS_FILE): Promise<WordMeanings | null> {
  slot[SLOT] ??= readWordVectors(file).then(
    (vectors) => buildWordMeanings(vectors),
    (err: NodeJS.ErrnoException) => {
      logger.warn({ err: String(err), file }, 'word vectors unavailable: requests are read from the lexicon alone (run npm run setup:models)')
      return null
    },
  )
  return slot[SLOT]
}
