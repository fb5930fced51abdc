import { demoCatalog } from '@/scripts/demo/library/demo-catalog'
import { ensureWordVectors } from '@/scripts/lib/compact-word-vectors'
import { WordVectorEmbedder } from '@/lib/engines/search/word-vector-embedder'
import { MoveIndex } from '@/lib/engines/search/move-index'
import { embedMoves } from '@/lib/engines/search/move-vector'
import { ablationTable } from '@/tests/fixtures/metrics/search-ablation'
import { HONEST_RELEVANCE_SET } from '@/tests/unit/search/honest-relevance'
import { RELEVANCE_SET } from '@/tests/unit/search/relevance'
const catalog = demoCatalog()
const embedder = await WordVectorEmbedder.load(await ensureWordVectors())
const vectors = await embedMoves(catalog, embedder)
const index = new MoveIndex({ embedderId: embedder.id, dims: vectors[0].dims })
catalog.forEach((m, i) => index.upsert(m, vectors[i]))
console.log('old', await ablationTable(index, embedder, RELEVANCE_SET))
console.log('honest', await ablationTable(index, embedder, HONEST_RELEVANCE_SET))
