import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Embedder } from './embedder'
import { DEFAULT_TRANSFORMERS_MODEL, TransformersEmbedder } from './transformers-embedder'
import { WordVectorEmbedder } from './word-vector-embedder'
import { DEFAULT_WORD_VECTORS_FILE } from './word-vectors-file'

export type EmbedderKind = 'word-vectors' | 'transformers' | 'auto'

/**
 * The embedder the app runs with. 'word-vectors' (offline, always available) is the
 * default; 'transformers' needs all-MiniLM-L6-v2 in MODEL_DIR; 'auto' takes transformers
 * when that model is present and falls back to word vectors otherwise.
 */
export async function loadEmbedder(opts: { kind?: EmbedderKind; modelDir?: string; wordVectorsFile?: string } = {}): Promise<Embedder> {
  const kind = opts.kind ?? 'word-vectors'
  const modelDir = opts.modelDir ?? process.env.MODEL_DIR
  const hasModel = !!modelDir && existsSync(join(modelDir, DEFAULT_TRANSFORMERS_MODEL, 'config.json'))
  if (kind === 'transformers' || (kind === 'auto' && hasModel)) return TransformersEmbedder.load({ modelDir })
  // The compact file is made at setup (scripts/lib/compact-word-vectors.ts), never here.
  return WordVectorEmbedder.load(opts.wordVectorsFile ?? DEFAULT_WORD_VECTORS_FILE)
}
