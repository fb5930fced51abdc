import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** Every page file under app/ as the URL pattern it serves: route groups `(x)` drop out,
 * e.g. app/(app)/choreographies/[id]/page.tsx → `/choreographies/[id]`. */
export function pageRoutes(dir = 'app'): string[] {
  const files = (d: string): string[] => readdirSync(d).flatMap((name) => {
    const p = path.join(d, name)
    return statSync(p).isDirectory() ? files(p) : name === 'page.tsx' ? [p] : []
  })
  return files(dir).map((file) => {
    const parts = path.relative(dir, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s))
    return '/' + parts.join('/')
  }).sort()
}
