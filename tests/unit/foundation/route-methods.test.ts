import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROUTE_METHODS } from '@/lib/shared/http/other-methods'

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? routeFiles(p) : name === 'route.ts' ? [p] : []
  })
}

/** The method names a route file exports, however it exports them. */
function exported(source: string): Set<string> {
  const names = new Set<string>()
  for (const m of source.matchAll(/^export (?:const|async function|function) (\w+)/gm)) names.add(m[1])
  for (const m of source.matchAll(/^export (?:const )?\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) names.add(part.trim().split(/\s+as\s+/).pop()!.trim())
  }
  return names
}

describe('every API route answers every method as JSON', () => {
  const files = routeFiles('app/api')
  it('finds the route files', () => expect(files.length).toBeGreaterThan(30))
  for (const file of files) {
    it(file, () => {
      const names = exported(readFileSync(file, 'utf8'))
      const missing = [...ROUTE_METHODS, 'OPTIONS'].filter((m) => !names.has(m))
      // Add: export const { <missing> } = otherMethods([<the methods it implements>])
      expect(missing, `${file} lacks ${missing.join(', ')}: end it with otherMethods()`).toEqual([])
    })
  }
})
