import { readFileSync } from 'node:fs'
import { copyPackageClosure, packagesImagesOmit } from './lib/package-closure'

/**
 * For the Dockerfiles: copies the named packages and everything they need at run time from
 * ./node_modules to OUT/node_modules (scripts/lib/package-closure.ts says how).
 *   tsx scripts/copy-package-closure.ts OUT [--packages-file FILE] [name ...]
 * The project's own optional dependencies (the npm-packaged ffmpeg builds) are left out: the
 * images install Debian's ffmpeg.
 */
const [out, ...rest] = process.argv.slice(2)
if (!out) {
  console.error('usage: tsx scripts/copy-package-closure.ts OUT [--packages-file FILE] [name ...]')
  process.exit(2)
}
const names: string[] = []
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === '--packages-file') names.push(...(JSON.parse(readFileSync(rest[++i], 'utf8')) as string[]))
  else names.push(rest[i])
}
const dirs = copyPackageClosure({ root: '.', out, packages: names, exclude: packagesImagesOmit('.') })
console.log(`copied ${dirs.length} packages to ${out}/node_modules`)
