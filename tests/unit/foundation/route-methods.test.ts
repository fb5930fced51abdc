import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ROUTE_METHODS } from '@/lib/shared/http/other-methods'
import { exportedNames, routeFiles } from '@/tests/support/api-routes'

describe('every API route answers every method as JSON', () => {
  const files = routeFiles()
  it('finds the route files', () => expect(files.length).toBeGreaterThan(30))
  for (const file of files) {
    it(file, () => {
      const names = exportedNames(readFileSync(file, 'utf8'))
      const missing = [...ROUTE_METHODS, 'OPTIONS'].filter((m) => !names.has(m))
      // Add: export const { <missing> } = otherMethods([<the methods it implements>])
      expect(missing, `${file} lacks ${missing.join(', ')}: end it with otherMethods()`).toEqual([])
    })
  }
})
