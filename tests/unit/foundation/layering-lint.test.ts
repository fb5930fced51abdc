import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The layering rule lives in eslint.config.mjs; these lint real snippets with the project's
 * own configuration, at paths inside each layer, so a config edit that silently disables
 * the rule fails here (and `npm run lint` fails on the same code in a real file).
 */
let eslint: ESLint
const problems = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath })
  return result.messages.filter((m) => m.ruleId === 'import/no-restricted-paths' || m.ruleId === 'no-restricted-imports')
}

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() })
}, 60_000)

describe('the layering lint rule', () => {
  it('fails an engine that imports a service, the database, storage, auth or HTTP', async () => {
    const code = [
      "import { listSongs } from '@/lib/services/songs/list-songs'",
      "import { getDb } from '@/lib/shared/db'",
      "import { getStorage } from '@/lib/shared/storage/get-storage'",
      "import { getPageUser } from '../../shared/auth/get-page-user'",
      "import { handler } from '@/lib/shared/http/handler'",
      'export const all = [listSongs, getDb, getStorage, getPageUser, handler]',
    ].join('\n')
    const found = await problems(code, 'lib/engines/search/layering-probe.ts')
    expect(found.map((m) => m.line).sort()).toEqual([1, 2, 3, 4, 5])
    expect(found[0].message).toMatch(/Engines are pure/)
  })

  it('fails an engine that imports Next.js, Prisma or a dynamic import of a service', async () => {
    const code = [
      "import type { NextRequest } from 'next/server'",
      "import { PrismaClient } from '@prisma/client'",
      'export type R = NextRequest',
      'export const p = PrismaClient',
      "export const load = () => import('@/lib/services/moves/move-search')",
    ].join('\n')
    const found = await problems(code, 'lib/engines/choreography/layering-probe.ts')
    expect(found.map((m) => m.line).sort()).toEqual([1, 2, 5])
  })

  it('fails product code that imports demo or test material, and shared code that imports a service', async () => {
    expect(await problems("export { DEMO_SONG_SPECS } from '@/scripts/demo/songs'", 'lib/engines/audio/layering-probe.ts')).toHaveLength(1)
    expect(await problems("export { demoLibrary } from '@/tests/fixtures/choreography/demo-library'", 'worker/layering-probe.ts')).toHaveLength(1)
    expect(await problems("export { listSongs } from '@/lib/services/songs/list-songs'", 'lib/shared/http/layering-probe.ts')).toHaveLength(1)
  })

  it('lets each layer import what it may', async () => {
    expect(await problems("export { getDb } from '@/lib/shared/db'\nexport { analyzePcm } from '@/lib/engines/audio'", 'lib/services/songs/layering-probe.ts')).toEqual([])
    expect(await problems("export { AppError } from '@/lib/shared/errors'\nexport { FAMILIES } from '@/lib/engines/dance/vocabulary'", 'lib/engines/search/layering-probe.ts')).toEqual([])
    expect(await problems("export { listSongs } from '@/lib/services/songs/list-songs'", 'app/api/layering-probe.ts')).toEqual([])
  })
})
