import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeRoute } from '@/lib/shared/http/route-pattern'

/** Every API route file, as its folder path: the ground truth is the file system, not the code. */
function routeDirs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? routeDirs(p) : name === 'route.ts' ? [path.dirname(p)] : []
  })
}
const patterns = routeDirs('app/api').map((d) => '/' + d.split(path.sep).join('/').replace(/^app\//, ''))

/** A request to the pattern, with id-like values (and a catch-all that repeats a static word). */
function requestFor(pattern: string) {
  const params: Record<string, string | string[]> = {}
  const segments = pattern.split("/").map((seg, i, all) => {
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(seg)
    if (catchAll) {
      params[catchAll[1]] = ['a b', 'songs']
      return 'a%20b/songs'
    }
    const one = /^\[(\w+)\]$/.exec(seg)
    if (!one) return seg
    const value = `c${i}x9-${all.length}`
    params[one[1]] = value
    return encodeURIComponent(value)
  })
  return { pathname: segments.join('/'), params }
}

describe('describeRoute', () => {
  it('finds the route files', () => {
    expect(patterns).toEqual(expect.arrayContaining(['/api/songs/[id]/analysis', '/api/share/[token]/video', '/api/[...path]']))
  })

  it.each(patterns)('gives %s back as the pattern of a request to it', (pattern) => {
    const { pathname, params } = requestFor(pattern)
    expect(describeRoute(pathname, params).route).toBe(pattern)
  })

  it('keeps ids in the safe path but hides share tokens', () => {
    expect(describeRoute('/api/choreographies/ck1/share/ln2', { id: 'ck1', linkId: 'ln2' }).safePath).toBe('/api/choreographies/ck1/share/ln2')
    expect(describeRoute('/api/share/SeCrEt-123/video', { token: 'SeCrEt-123' })).toEqual({ route: '/api/share/[token]/video', safePath: '/api/share/[token]/video' })
  })

  it('an id that equals a static word still gives a label of static words and placeholders only', () => {
    const { route } = describeRoute('/api/songs/songs/energy', { id: 'songs' })
    expect(route.split('/').every((s) => ['', 'api', 'songs', 'energy', '[id]'].includes(s))).toBe(true)
    expect(describeRoute('/api/songs/energy/energy', { id: 'energy' }).route).toBe('/api/songs/[id]/energy')
  })

  it('leaves a path without params as it is', () => {
    expect(describeRoute('/api/health', undefined)).toEqual({ route: '/api/health', safePath: '/api/health' })
  })
})
