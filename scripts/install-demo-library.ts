import { parseArgs } from 'node:util'
import { installDemoLibrary } from '@/scripts/demo/library/install-demo-library'
import { LocalStorage } from '@/lib/shared/storage/local-storage'
import type { Storage } from '@/lib/shared/storage/storage'

/**
 * npx tsx scripts/install-demo-library.ts [--subset] [--root DIR] [--no-posters]
 * Generates the demo clips (cached) and uploads them to clips/demo/<id>.mp4 (+ posters) in the
 * configured storage (DATA_DIR or S3 from the environment), or in a LocalStorage at --root.
 */
const { values } = parseArgs({
  options: {
    subset: { type: 'boolean', default: false },
    root: { type: 'string' },
    'no-posters': { type: 'boolean', default: false },
  },
})

// The configured storage is imported lazily: --root must work without any environment.
const storage: Storage = values.root
  ? new LocalStorage(values.root)
  : (await import('@/lib/shared/storage/get-storage')).getStorage()
const started = performance.now()
const result = await installDemoLibrary({
  storage,
  subset: values.subset,
  posters: !values['no-posters'],
  onProgress: (done, total, id) => process.stdout.write(`\r${done}/${total} ${id.padEnd(40)}`),
})
process.stdout.write('\n')
console.log(
  `demo library: ${result.uploaded} uploaded, ${result.skipped} already there, ${result.posters} posters, ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
)
