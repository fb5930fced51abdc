import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { demoCatalog, demoSubset } from '@/scripts/demo/library/demo-catalog'
import { generateDemoLibrary } from '@/scripts/demo/library/generate-demo-library'

/**
 * npm run gen:library [-- --subset] [--out dir] [--concurrency n]
 * Renders the demo move library (or the 12-clip test subset) as real H.264 clips in the
 * library format, cached by annotation hash, and writes manifest.json beside them.
 */
const { values } = parseArgs({
  options: {
    subset: { type: 'boolean', default: false },
    out: { type: 'string', default: '.data/demo-library' },
    concurrency: { type: 'string' },
  },
})

const moves = values.subset ? demoSubset() : demoCatalog()
const outDir = resolve(values.out)
const result = await generateDemoLibrary({
  moves,
  outDir,
  concurrency: values.concurrency ? Number(values.concurrency) : undefined,
  onProgress: (done, total, entry, cached) => {
    if (!cached || done === total) process.stdout.write(`\r${done}/${total} ${entry.id.padEnd(40)}`)
  },
})
process.stdout.write('\n')
console.log(
  `${result.manifest.clips.length} clips in ${outDir}: ${result.rendered} rendered, ${result.cached} cached, ${result.seconds.toFixed(1)} s`,
)
