import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { analyzePcm } from '@/lib/engines/audio/analyze-pcm'
import { analyzeSongFile } from '@/lib/engines/audio/analyze-song-file'
import { SongAnalysisSchema, type SongAnalysis } from '@/lib/engines/audio/analysis-schema'
import { decodeAudio } from '@/lib/engines/audio/decode-audio'
import { fMeasure } from '@/tests/fixtures/metrics/evaluate-beats'
import type { DemoSongTruth } from '@/scripts/demo/songs/generate-demo-song'
import { AppError } from '@/lib/shared/errors'
import { demoSongs, ffmpegFixture, FIXTURE_DIR } from './fixtures'

/**
 * Bad and odd input: always a clear 4xx AppError or a (low-confidence) analysis, within a
 * bounded time — never a crash or a hang.
 */
async function outcome(file: string): Promise<AppError | SongAnalysis> {
  try {
    return await analyzeSongFile(file, { timeoutMs: 30_000 })
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
}

function expectClientError(r: AppError | SongAnalysis, status: number, pattern: RegExp) {
  expect(r).toBeInstanceOf(AppError)
  const e = r as AppError
  expect(e.status).toBe(status)
  expect(e.message).toMatch(pattern)
}

let song: { wav: string; truth: DemoSongTruth }
beforeAll(async () => {
  const songs = await demoSongs()
  song = songs.find((s) => s.name === 'clasica-128')!
}, 120_000)

describe('signals without a pulse get a low confidence', () => {
  it.each([
    ['silence', 'silence-30s.wav', ['-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono', '-t', '30']],
    ['white noise', 'noise-30s.wav', ['-f', 'lavfi', '-i', 'anoisesrc=r=22050:a=0.3:c=white:seed=7', '-t', '30']],
    ['a 1 kHz tone', 'tone-30s.wav', ['-f', 'lavfi', '-i', 'sine=f=1000:r=22050', '-t', '30']],
  ])('%s', async (_label, name, args) => {
    const r = await outcome(await ffmpegFixture(name, args))
    expect(r).not.toBeInstanceOf(AppError)
    const a = r as SongAnalysis
    expect(SongAnalysisSchema.safeParse(a).success).toBe(true)
    expect(a.confidence).toBeLessThan(0.2)
  })
})

describe('files outside the limits or not audio are rejected with a clear 4xx', () => {
  it('a 9 s file names the 10 s minimum', async () => {
    const f = await ffmpegFixture('short-9s.mp3', ['-f', 'lavfi', '-i', 'sine=f=440:r=22050', '-t', '9', '-c:a', 'libmp3lame'])
    expectClientError(await outcome(f), 422, /minimum is 10 s/)
  })

  it('a 20 min file names the 15 min maximum, without decoding it', async () => {
    const f = await ffmpegFixture('long-20min.mp3', ['-f', 'lavfi', '-i', 'anullsrc=r=8000:cl=mono', '-t', '1200', '-c:a', 'libmp3lame', '-b:a', '8k'])
    const started = Date.now()
    expectClientError(await outcome(f), 422, /maximum is 15 min/)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('a PNG renamed .mp3 is not audio (415)', async () => {
    const png = await ffmpegFixture('image.png', ['-f', 'lavfi', '-i', 'color=c=red:s=64x64', '-frames:v', '1'])
    const fake = path.join(FIXTURE_DIR, 'image-renamed.mp3')
    writeFileSync(fake, (await import('node:fs')).readFileSync(png))
    expectClientError(await outcome(fake), 415, /no audio stream|not a readable audio/)
  })

  it('random bytes named .mp3 (a corrupted file) give a 4xx or a low-confidence result', async () => {
    const f = path.join(FIXTURE_DIR, 'garbage.mp3')
    const bytes = Buffer.alloc(400_000)
    let x = 12345
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24
    writeFileSync(f, bytes)
    const r = await outcome(f)
    if (r instanceof AppError) expect(r.status).toBeGreaterThanOrEqual(400)
    else expect(r.confidence).toBeLessThan(0.2)
  })

  it('a truncated, partly overwritten mp3 gives a 4xx or a valid analysis', async () => {
    const mp3 = await ffmpegFixture('clasica-40s.mp3', ['-i', song.wav, '-t', '40', '-c:a', 'libmp3lame', '-b:a', '96k'])
    const bytes = (await import('node:fs')).readFileSync(mp3)
    const broken = Buffer.from(bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    for (let i = 20_000; i < broken.length; i += 997) broken[i] ^= 0xff
    const f = path.join(FIXTURE_DIR, 'corrupted.mp3')
    writeFileSync(f, broken)
    const r = await outcome(f)
    if (r instanceof AppError) expect(r.status).toBeGreaterThanOrEqual(400)
    else expect(SongAnalysisSchema.safeParse(r).success).toBe(true)
  })

  it('an empty file and a text file are 415, a missing file is 404', async () => {
    const empty = path.join(FIXTURE_DIR, 'empty.mp3')
    writeFileSync(empty, '')
    expectClientError(await outcome(empty), 415, /empty/)
    const text = path.join(FIXTURE_DIR, 'notes.wav')
    writeFileSync(text, 'these are not the droids you are looking for\n'.repeat(50))
    expectClientError(await outcome(text), 415, /audio/)
    expectClientError(await outcome(path.join(FIXTURE_DIR, 'nope.mp3')), 404, /not found/)
  })
})

describe('unusual but valid formats still analyse', () => {
  it('stereo 8 kHz keeps the grid', async () => {
    const f = await ffmpegFixture('clasica-stereo-8k.wav', ['-i', song.wav, '-ac', '2', '-ar', '8000'])
    const a = (await outcome(f)) as SongAnalysis
    expect(SongAnalysisSchema.safeParse(a).success).toBe(true)
    expect(fMeasure(song.truth.beats, a.beats).f).toBeGreaterThanOrEqual(0.9)
  })

  it('96 kHz (through the decoder) and 96 kHz PCM (through the resampler) both keep the grid', async () => {
    const f = await ffmpegFixture('clasica-96k.flac', ['-i', song.wav, '-ar', '96000'])
    const viaFile = (await outcome(f)) as SongAnalysis
    expect(fMeasure(song.truth.beats, viaFile.beats).f).toBeGreaterThanOrEqual(0.95)
    const raw = await decodeAudio(f, { sampleRate: 96_000 })
    const viaPcm = analyzePcm(raw.pcm, raw.sampleRate)
    expect(fMeasure(song.truth.beats, viaPcm.beats).f).toBeGreaterThanOrEqual(0.95)
  })

  it('m4a (AAC) and ogg (Opus) decode to the same grid as the WAV', async () => {
    for (const [name, codec] of [['clasica.m4a', 'aac'], ['clasica.ogg', 'libopus']] as const) {
      const args = codec === 'libopus' ? ['-i', song.wav, '-c:a', codec, '-b:a', '64k'] : ['-i', song.wav, '-c:a', codec]
      const a = (await outcome(await ffmpegFixture(name, args))) as SongAnalysis
      expect(fMeasure(song.truth.downbeats, a.downbeats).f, name).toBeGreaterThanOrEqual(0.9)
    }
  })

  it('analyzePcm rejects empty input and absurd sample rates with a 422, and survives NaN', () => {
    expect(() => analyzePcm(new Float32Array(0), 22050)).toThrow(AppError)
    expect(() => analyzePcm(new Float32Array(22050), 0)).toThrow(/sample rate/)
    const noisy = new Float32Array(22050 * 12).fill(Number.NaN)
    expect(analyzePcm(noisy, 22050).confidence).toBe(0)
  })
})
