/** npm run bench — every benchmark in turn; each writes bench/results/<name>.json. */
import { existsSync } from 'node:fs'
import { execa } from 'execa'

const BENCHES = ['analysis', 'count-one', 'search', 'request-words', 'choreo', 'choreo-api', 'render', 'web', 'load']

let failed = 0
for (const name of BENCHES) {
  const file = `bench/${name}.bench.ts`
  if (!existsSync(file)) continue
  console.log(`\n== bench:${name}`)
  const r = await execa('npx', ['tsx', file], { stdio: 'inherit', reject: false })
  if (r.exitCode !== 0) failed++
}
process.exit(failed ? 1 : 0)
