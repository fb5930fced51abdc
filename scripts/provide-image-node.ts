/**
 * Prints the path of a node binary of the release the Dockerfiles pin, fetching it once from the
 * npm registry when this machine runs another (scripts/lib/image-node.ts). CI's image step:
 *   IMAGE_NODE=$(npx tsx scripts/provide-image-node.ts) …
 */
import { provideImageNode } from './lib/image-node'

provideImageNode({ log: (s) => console.error(`[image node] ${s}`) }).then((node) => console.log(node.path), (e) => {
  console.error(`[image node] ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
