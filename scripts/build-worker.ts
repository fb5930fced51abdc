import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { packageNameOf } from './lib/package-closure'

/**
 * Compiles the render worker (worker/main.ts and the lib/ it imports, the generated Prisma
 * client included) into one ES module, dist/worker/main.js, run by plain `node`: no tsx at
 * run time. npm packages stay external (native code, wasm and files read relative to
 * themselves must stay in node_modules); their names go to dist/worker/packages.json, which
 * the worker image's closure copy reads (scripts/copy-package-closure.ts).
 */
export async function buildWorker(outDir = 'dist/worker'): Promise<{ main: string; packages: string[] }> {
  const main = path.join(outDir, 'main.js')
  const result = await build({
    entryPoints: ['worker/main.ts'],
    outfile: main,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  })
  const packages = new Set<string>()
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imp of input.imports) {
      // Relative externals are type-only imports esbuild drops; node: builtins need no package.
      if (imp.external && !imp.path.startsWith('.') && !imp.path.startsWith('node:')) packages.add(packageNameOf(imp.path))
    }
  }
  const list = [...packages].sort()
  writeFileSync(path.join(outDir, 'packages.json'), `${JSON.stringify(list, null, 2)}\n`)
  // main.js is an ES module wherever it is copied, with or without the project's package.json.
  writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }\n')
  return { main, packages: list }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildWorker(process.argv[2]).then(
    ({ main, packages }) => console.log(`built ${main} (npm packages it loads: ${packages.join(', ')})`),
    (err) => { console.error(err); process.exit(1) },
  )
}
