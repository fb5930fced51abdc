import { execa } from 'execa'
import { beforeAll, describe, expect, it } from 'vitest'
import { SongAnalysisSchema } from '@/lib/engines/audio/analysis-schema'
import { demoSongs } from './fixtures'

/** The CLI is a contract for other tools: JSON and only JSON on stdout. */
let wav: string
beforeAll(async () => {
  wav = (await demoSongs()).find((s) => s.name === 'moderna-132')!.wav
}, 120_000)

describe('npm run analyze', () => {
  it('prints only the analysis JSON on stdout', async () => {
    const r = await execa('npx', ['tsx', 'scripts/analyze.ts', wav], { timeout: 60_000 })
    expect(r.exitCode).toBe(0)
    const parsed = SongAnalysisSchema.parse(JSON.parse(r.stdout))
    expect(parsed.beats.length).toBeGreaterThan(100)
  })

  it('rejects a non-audio file on stderr with exit code 2 and an empty stdout', async () => {
    const r = await execa('npx', ['tsx', 'scripts/analyze.ts', 'package.json'], { timeout: 60_000, reject: false })
    expect(r.exitCode).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/415/)
  })
})
