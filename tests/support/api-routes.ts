import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** Every route file under a folder (app/api by default). */
export function routeFiles(dir = 'app/api'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? routeFiles(p) : name === 'route.ts' ? [p] : []
  })
}

/** The method names a route file exports, however it exports them. */
export function exportedNames(source: string): Set<string> {
  const names = new Set<string>()
  for (const m of source.matchAll(/^export (?:const|async function|function) (\w+)/gm)) names.add(m[1])
  for (const m of source.matchAll(/^export (?:const )?\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) names.add(part.trim().split(/\s+as\s+/).pop()!.trim())
  }
  return names
}

export interface ApiRoute {
  file: string
  /** The URL pattern as the folder spells it, e.g. `/api/songs/[id]/audio`. */
  pattern: string
  /** The methods the file really implements (the rest answer 405 through otherMethods). */
  methods: string[]
}

/** Each API route with the methods it implements: those named in its `otherMethods([...])`
 * call (the one place a route file lists them), or all five for a file without one. */
export function apiRoutes(dir = 'app/api'): ApiRoute[] {
  return routeFiles(dir).map((file) => {
    const source = readFileSync(file, 'utf8')
    const listed = source.match(/otherMethods\(\[([^\]]*)\]\)/)
    const methods = listed ? [...listed[1].matchAll(/'(\w+)'/g)].map((m) => m[1]) : ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
    const pattern = '/' + path.relative('app', path.dirname(file)).split(path.sep).join('/')
    return { file, pattern, methods }
  })
}
