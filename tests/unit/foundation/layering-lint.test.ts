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

describe('the judge boundary (issue 11: the judge never imports the generator it judges)', () => {
  it('fails the judge importing any part of the choreography engine but the blueprint contract', async () => {
    const code = [
      "import { buildSlots } from '@/lib/engines/choreography/build-slots'",
      "import { matchesName } from '../choreography/prepare-library'",
      "import { buildBlueprint } from '@/lib/engines/choreography'",
      "export const load = () => import('@/lib/engines/choreography/score-move')",
      'export const all = [buildSlots, matchesName, buildBlueprint]',
    ].join('\n')
    const found = await problems(code, 'lib/engines/judge/layering-probe.ts')
    expect(found.map((m) => m.line).sort()).toEqual([1, 2, 3, 4])
    expect(found[0].message).toMatch(/only the blueprint contract/)
  })

  it('lets the judge import the blueprint contract, the dance vocabulary and the analysis schema', async () => {
    const code = [
      "import { BlueprintSchema } from '@/lib/engines/choreography/blueprint-schema'",
      "import { sameState } from '@/lib/engines/dance/vocabulary'",
      "import type { SongAnalysis } from '@/lib/engines/audio/analysis-schema'",
      'export type A = SongAnalysis',
      'export const all = [BlueprintSchema, sameState]',
    ].join('\n')
    expect(await problems(code, 'lib/engines/judge/layering-probe.ts')).toEqual([])
  })

  it('fails the engine importing its judge', async () => {
    expect(await problems("export { judgeBlueprint } from '@/lib/engines/judge'", 'lib/engines/choreography/layering-probe.ts')).toHaveLength(1)
  })

  it('fails a benchmark baseline importing the engine or the judge, but not the blueprint contract', async () => {
    const file = 'tests/fixtures/baselines/layering-probe.ts'
    expect(await problems("export { buildSlots } from '@/lib/engines/choreography/build-slots'", file)).toHaveLength(1)
    expect(await problems("export { judgeBlueprint } from '@/lib/engines/judge/judge-blueprint'", file)).toHaveLength(1)
    expect(await problems("export { BlueprintSchema } from '@/lib/engines/choreography/blueprint-schema'", file)).toEqual([])
  })

  it('holds for the judge and the baselines as they are', async () => {
    const results = await eslint.lintFiles(['lib/engines/judge/**/*.ts', 'tests/fixtures/baselines/**/*.ts'])
    expect(results.length).toBeGreaterThanOrEqual(8)
    const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'import/no-restricted-paths').map((m) => `${r.filePath}:${m.line} ${m.message}`))
    expect(broken).toEqual([])
  })
})
