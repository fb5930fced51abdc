import { cpSync, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * The installed packages a set of root packages needs at run time: each one's dependencies,
 * its installed optional dependencies (sharp's platform binaries are optional dependencies)
 * and its required peers, found the way Node resolves them (the package's own node_modules,
 * then each parent's). The images copy exactly this set instead of the whole node_modules, so
 * they hold production code only: dev dependencies are never reached from a production root,
 * and `exclude` drops packages the image replaces (the npm-packaged ffmpeg builds: the
 * images install Debian's).
 */
export interface ClosureOptions {
  /** The project root whose node_modules is read. */
  root: string
  /** Package names to start from, as the code imports them (subpaths are cut to the package). */
  packages: string[]
  /** Names never included, nor anything reached only through them. */
  exclude?: string[]
}

interface Manifest {
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
}

/** 'pkg/sub/path' → 'pkg'; '@scope/pkg/sub' → '@scope/pkg'. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** Node's lookup: `from`/node_modules/name, then each parent directory's, up to the root. */
function resolvePackageDir(name: string, from: string, root: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, 'package.json'))) return candidate
    if (dir === root || dir === path.dirname(dir)) return undefined
  }
}

/** Package directories (relative to the root, e.g. `node_modules/pg`), sorted. A missing
 * required dependency throws: an image without it would fail at run time instead. */
export function packageClosure(o: ClosureOptions): string[] {
  const root = path.resolve(o.root)
  const exclude = new Set(o.exclude ?? [])
  const found = new Set<string>()
  const visit = (name: string, from: string, required: boolean, via: string) => {
    if (exclude.has(name)) return
    const dir = resolvePackageDir(name, from, root)
    if (!dir) {
      if (required) throw new Error(`${name} (needed by ${via}) is not installed under ${root}`)
      return
    }
    if (found.has(dir)) return
    found.add(dir)
    const m = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest
    for (const dep of Object.keys(m.dependencies ?? {})) visit(dep, dir, true, name)
    // Optional ones are installed only where they fit (one sharp binary per platform).
    for (const dep of Object.keys(m.optionalDependencies ?? {})) visit(dep, dir, false, name)
    for (const dep of Object.keys(m.peerDependencies ?? {})) {
      if (!m.peerDependenciesMeta?.[dep]?.optional) visit(dep, dir, true, name)
    }
  }
  for (const spec of o.packages) visit(packageNameOf(spec), root, true, 'the root')
  return [...found].map((dir) => path.relative(root, dir)).sort()
}

/** The project's own optional dependencies are the npm-packaged ffmpeg builds (≈140 MB): the
 * images install Debian's ffmpeg instead, so every image copy leaves them out. */
export function packagesImagesOmit(root: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest
  return Object.keys(manifest.optionalDependencies ?? {})
}

/** Copies each package directory of the closure from `root` to the same place under `out`. */
export function copyPackageClosure(o: ClosureOptions & { out: string }): string[] {
  const dirs = packageClosure(o)
  for (const dir of dirs) {
    const from = path.join(o.root, dir)
    // A package's own node_modules is left out: what the closure needs from it is in the list.
    cpSync(from, path.join(o.out, dir), { recursive: true, verbatimSymlinks: true, filter: (src) => src !== path.join(from, 'node_modules') })
  }
  return dirs
}
