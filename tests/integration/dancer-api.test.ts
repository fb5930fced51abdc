import { describe, expect, it } from 'vitest'
import { DEMO_SONG_SPECS, writeDemoSongs } from '@/scripts/demo/songs'
import { readFile } from 'node:fs/promises'
import { api, expectErrorShape, registerAndSignIn, uploadSong } from './http'

describe('POST /api/requests/parse', () => {
  it('gives the params the text parses to, for the generate page to show', async () => {
    const { accessToken: token } = await registerAndSignIn('parse')
    const res = await api('POST', '/api/requests/parse', { token, json: { text: 'romantic beginner routine, no dips, no wraps, 2 minutes' } })
    expect(res.status).toBe(200)
    expect(res.body.params).toMatchObject({
      difficulty: 'beginner', moods: ['romantic'], excludeFamilies: ['dip'], excludeHolds: ['cuddle'], durationSeconds: 120,
    })
  })

  it("reads a dancer's own words: implied phrases, and words the lexicon lacks through the word vectors", async () => {
    const { accessToken: token } = await registerAndSignIn('parse-words')
    const res = await api('POST', '/api/requests/parse', { token, json: { text: "we've been dancing together for years, something tranquil" } })
    expect(res.status).toBe(200)
    // "tranquil" is in no lexicon: only the server's word-vector look-up reads it as low energy.
    expect(res.body.params).toMatchObject({ difficulty: 'advanced', energy: 'low', parser: 'offline' })
  })

  it('refuses empty, oversized, malformed and anonymous requests with a JSON 4xx', async () => {
    const { accessToken: token } = await registerAndSignIn('parse-bad')
    expectErrorShape(await api('POST', '/api/requests/parse', { token, json: { text: '   ' } }), 422)
    expectErrorShape(await api('POST', '/api/requests/parse', { token, json: { text: 'x'.repeat(501) } }), 422)
    expectErrorShape(await api('POST', '/api/requests/parse', { token, json: { text: 'ok', extra: 1 } }), 422)
    expectErrorShape(await api('POST', '/api/requests/parse', { token, raw: '{"text":', headers: { 'content-type': 'application/json' } }), 400)
    expectErrorShape(await api('POST', '/api/requests/parse', { json: { text: 'easy' } }), 401)
  })
})

describe('GET /api/songs/:id/audio', () => {
  it('streams a visible song with byte ranges, and is the same 404 for a song the caller may not see', async () => {
    const owner = await registerAndSignIn('audio-owner')
    const stranger = await registerAndSignIn('audio-stranger')
    const [demo] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[1]], mp3: true })
    const bytes = await readFile(demo.mp3!)
    const up = await uploadSong(owner.accessToken, bytes, { title: 'Private practice track' })
    expect(up.status).toBe(202)
    const id = up.body.song.id

    const part = await fetch(`${process.env.TEST_APP_URL}/api/songs/${id}/audio`, {
      headers: { authorization: `Bearer ${owner.accessToken}`, range: 'bytes=100-199' },
    })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-type')).toBe('audio/mpeg')
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true)

    const theirs = await api('GET', `/api/songs/${id}/audio`, { token: stranger.accessToken })
    const none = await api('GET', '/api/songs/nosuchsong0000/audio', { token: stranger.accessToken })
    expectErrorShape(theirs, 404)
    expect({ code: theirs.body.error.code, message: theirs.body.error.message }).toEqual({ code: none.body.error.code, message: none.body.error.message })
    expectErrorShape(await api('GET', `/api/songs/${id}/audio`), 401)
  })
})

describe('GET /api/songs/:id/energy', () => {
  it('gives the loudness curve over the whole song, lower in the band stops, and keeps it out of the song read', async () => {
    const { accessToken: token } = await registerAndSignIn('energy')
    const songs = await api('GET', '/api/songs?pageSize=50', { token })
    // A demo song with band stops (the analysis found breaks).
    let checked = 0
    for (const s of songs.body.items) {
      const song = (await api('GET', `/api/songs/${s.id}`, { token })).body.song
      expect(song.analysis.energyEnvelope).toBeUndefined()
      if (song.analysis.breaks.length === 0) continue
      const res = await api('GET', `/api/songs/${s.id}/energy`, { token })
      expect(res.status).toBe(200)
      const { hopSeconds, values, durationSeconds } = res.body
      expect(durationSeconds).toBeCloseTo(song.analysis.durationSeconds, 1)
      expect(Math.abs(values.length * hopSeconds - durationSeconds)).toBeLessThanOrEqual(hopSeconds)
      const at = (t: number) => values[Math.min(values.length - 1, Math.floor(t / hopSeconds))]
      const inBreaks: number[] = song.analysis.breaks.flatMap((b: { start: number; end: number }) => {
        const out = []
        for (let t = b.start + 0.5; t < b.end - 0.5; t += hopSeconds) out.push(at(t))
        return out
      })
      const playing = song.analysis.phrases.map((p: { start: number; end: number }) => at((p.start + p.end) / 2))
      const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length
      if (inBreaks.length > 0) expect(mean(inBreaks)).toBeLessThan(mean(playing))
      checked++
    }
    expect(checked).toBeGreaterThan(0)
  })

  it('is the same 404 for a private song of someone else as for a missing one, and 401 signed out', async () => {
    const owner = await registerAndSignIn('energy-owner')
    const stranger = await registerAndSignIn('energy-stranger')
    const [demo] = await writeDemoSongs({ specs: [DEMO_SONG_SPECS[2]], mp3: true })
    const up = await uploadSong(owner.accessToken, await readFile(demo.mp3!), { title: 'Private energy' })
    expect(up.status).toBe(202)
    expect((await api('GET', `/api/songs/${up.body.song.id}/energy`, { token: owner.accessToken })).status).toBe(200)
    const theirs = await api('GET', `/api/songs/${up.body.song.id}/energy`, { token: stranger.accessToken })
    expectErrorShape(theirs, 404)
    expect(theirs.body.error.message).toBe((await api('GET', '/api/songs/nosuchsong0000/energy', { token: stranger.accessToken })).body.error.message)
    expectErrorShape(await api('GET', `/api/songs/${up.body.song.id}/energy`), 401)
  })
})
