import { describe, expect, it } from 'vitest'
import { DEMO_SONG_SPECS } from '@/scripts/demo/songs'
import { api, registerAndSignIn } from './http'

/** The test seed installs the demo songs the way `npm run demo` does (scripts/install-demo-songs.ts). */
describe('the demo song library', () => {
  it('a brand-new account sees every demo song as a public song with its analysis, and can generate at once', async () => {
    const user = await registerAndSignIn('fresh')
    const list = await api('GET', '/api/songs?pageSize=100&sort=title&order=asc', { token: user.accessToken })
    expect(list.status).toBe(200)
    const demo = list.body.items.filter((s: { artist: string }) => s.artist === 'Bachata Buddy demo band')
    expect(demo).toHaveLength(DEMO_SONG_SPECS.length)
    for (const s of demo) {
      expect(s.visibility).toBe('PUBLIC')
      expect(s.bpm).toBeGreaterThan(90)
      expect(s.durationSeconds).toBeGreaterThan(30)
    }
    // Each demo song's tempo is the one it was synthesised at (the analysis ran on it).
    const nominal = DEMO_SONG_SPECS.map((spec) => spec.bpm).sort((a, b) => a - b)
    const found = demo.map((s: { bpm: number }) => s.bpm).sort((a: number, b: number) => a - b)
    found.forEach((bpm: number, i: number) => expect(Math.abs(bpm - nominal[i])).toBeLessThan(nominal[i] * 0.05))

    const one = await api('GET', `/api/songs/${demo[0].id}`, { token: user.accessToken })
    expect(one.body.song.analysis.countOne.length).toBeGreaterThan(4)
    const made = await api('POST', '/api/choreographies', {
      token: user.accessToken, json: { songId: demo[0].id, request: 'easy romantic routine, 30 seconds' },
    })
    expect(made.status).toBe(202)
    expect(made.body.task.status).toBe('QUEUED')
  })
})
