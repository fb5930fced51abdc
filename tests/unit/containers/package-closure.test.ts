import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { packageClosure, packageNameOf, packagesImagesOmit } from '@/scripts/lib/package-closure'

/**
 * The closure copy the images are made of (scripts/lib/package-closure.ts): on a small
 * node_modules built here, then on the project's real one with the images' own roots.
 */
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }
const tmp = mkdtempSync(path.join(tmpdir(), 'closure-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function pkg(dir: string, m: Record<string, unknown>) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(m))
}

describe('packageClosure on a node_modules laid out here', () => {
  const root = path.join(tmp, 'project')
  const nm = path.join(root, 'node_modules')
  pkg(path.join(nm, 'app-dep'), { dependencies: { shared: '1', nested: '2' }, optionalDependencies: { 'opt-here': '1', 'opt-absent': '1' },
    peerDependencies: { peer: '1', 'peer-optional': '1' }, peerDependenciesMeta: { 'peer-optional': { optional: true } } })
  pkg(path.join(nm, 'shared'), {})
  pkg(path.join(nm, 'nested'), { version: '1' })
  pkg(path.join(nm, 'app-dep/node_modules/nested'), { version: '2', dependencies: { shared: '1' } })
  pkg(path.join(nm, 'opt-here'), {})
  pkg(path.join(nm, 'peer'), {})
  pkg(path.join(nm, 'peer-optional'), {})
  pkg(path.join(nm, 'dev-only'), {})
  pkg(path.join(nm, '@scope/big'), { dependencies: { 'only-via-big': '1' } })
  pkg(path.join(nm, 'only-via-big'), {})
  pkg(path.join(nm, 'needs-missing'), { dependencies: { missing: '1' } })

  it('follows dependencies the way Node resolves them, installed optionals and required peers', () => {
    expect(packageClosure({ root, packages: ['app-dep/sub/path'] })).toEqual([
      'node_modules/app-dep', 'node_modules/app-dep/node_modules/nested', 'node_modules/opt-here', 'node_modules/peer', 'node_modules/shared',
    ])
  })
  it('leaves out excluded packages and what only they need', () => {
    expect(packageClosure({ root, packages: ['@scope/big/x', 'shared'] })).toEqual(['node_modules/@scope/big', 'node_modules/only-via-big', 'node_modules/shared'])
    expect(packageClosure({ root, packages: ['@scope/big', 'shared'], exclude: ['@scope/big'] })).toEqual(['node_modules/shared'])
  })
  it('refuses a required dependency that is not installed', () => {
    expect(() => packageClosure({ root, packages: ['needs-missing'] })).toThrow('missing (needed by needs-missing) is not installed')
  })
  it('cuts subpaths to package names', () => {
    expect(packageNameOf('@prisma/client/runtime/client')).toBe('@prisma/client')
    expect(packageNameOf('pg')).toBe('pg')
  })
})

describe('the images\' closures from the project\'s node_modules', () => {
  const omit = packagesImagesOmit('.')
  const names = (dirs: string[]) => dirs.map((d) => d.replace(/^.*node_modules\//, ''))
  const devOnly = Object.keys(manifest.devDependencies)

  it('omits exactly the npm-packaged ffmpeg builds', () => {
    expect(omit.sort()).toEqual(['@ffmpeg-installer/ffmpeg', '@ffprobe-installer/ffprobe', 'ffmpeg-static'])
  })
  /** A root devDependency may be in a closure only as some production package's dependency
   * (effect, under the Prisma CLI, depends on fast-check): never merely for being installed. */
  const devOnlyProblems = (dirs: string[]) => names(dirs).filter((n) => devOnly.includes(n)
    && !dirs.some((d) => n in ((JSON.parse(readFileSync(path.join(d, 'package.json'), 'utf8')) as { dependencies?: object }).dependencies ?? {})))

  it('the worker\'s: its packages and no dev dependency, no npm-packaged ffmpeg', () => {
    const dirs = packageClosure({ root: '.', packages: ['@prisma/client', '@prisma/adapter-pg', 'pg-boss', 'pino', 'execa', '@aws-sdk/client-s3', 'zod'], exclude: omit })
    expect(names(dirs)).toEqual(expect.arrayContaining(['@prisma/client', 'pg', 'pg-boss', 'pino', '@aws-sdk/client-s3']))
    expect(devOnlyProblems(dirs)).toEqual([])
    expect(names(dirs).filter((n) => /ffmpeg|ffprobe|^next$|^typescript$/.test(n))).toEqual([])
  })
  it('the release command\'s: the Prisma CLI and its config\'s imports, no dev dependency', () => {
    const dirs = packageClosure({ root: '.', packages: ['prisma', '@prisma/adapter-pg', 'pg', 'dotenv'], exclude: omit })
    expect(names(dirs)).toEqual(expect.arrayContaining(['prisma', '@prisma/config', '@prisma/engines', 'pg', 'dotenv']))
    expect(devOnlyProblems(dirs)).toEqual([])
  })
  it('keeps sharp\'s optional platform binaries while the ffmpeg ones are left out', () => {
    const dirs = packageClosure({ root: '.', packages: ['@xenova/transformers'], exclude: omit })
    expect(names(dirs)).toEqual(expect.arrayContaining(['sharp', `@img/sharp-${process.platform}-${process.arch}`, `@img/sharp-libvips-${process.platform}-${process.arch}`]))
  })
})
