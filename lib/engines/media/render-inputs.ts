import { mkdir, readFile, rename, utimes, writeFile } from 'node:fs/promises'
import { dirname, extname, join } from 'node:path'
import { movesOf, type Blueprint } from '@/lib/engines/choreography/blueprint-schema'
import type { ObjectSource } from './object-source'
import { probeMedia, type ProbeResult } from './ffmpeg'
import { RenderAbortError, RenderInputError } from './render-errors'
import { assertObjectsExist } from './render-fetch'
import { obtainSource } from './source-cache'

export interface LocalClip {
  key: string
  file: string
  sha256: string
  fps: number
  width: number
  height: number
}

export interface SongInput {
  file: string
  sha256: string
  channels: number
  sampleRate: number
}

export interface RenderInputs {
  clips: Map<string, LocalClip>
  song: SongInput
  /** Objects downloaded by this render, and those the source cache already held. */
  sources: { fetched: number; reused: number }
}

const PROBE_TIMEOUT_MS = 20_000

/**
 * Everything a render reads, as local files in the source cache (source-cache.ts): each
 * distinct clip once (hashed for the segment cache, probed for its frame rate) and the song
 * (probed for its audio). Existence is checked for all of them first, so a missing object
 * fails the job before a single byte is downloaded, and an unreadable one fails it before
 * any segment is encoded. Nothing is copied into the job's workDir.
 */
export async function fetchRenderInputs(o: {
  bp: Blueprint
  storage: ObjectSource
  cacheDir: string
  signal?: AbortSignal
  onFetched?: (done: number, total: number) => Promise<void>
}): Promise<RenderInputs> {
  const clipKeys = [...new Set(movesOf(o.bp).map((m) => m.clipKey))]
  const songKey = o.bp.song.storageKey
  const heads = await assertObjectsExist(o.storage, [...clipKeys.map((key) => ({ key, role: 'clip' as const })), { key: songKey, role: 'song' as const }], o.signal)

  const sources = { fetched: 0, reused: 0 }
  // A storage key never becomes a path on this machine: local names are content hashes.
  const obtain = async (key: string, fallbackExt: string) => {
    const src = await obtainSource({ storage: o.storage, key, head: heads.get(key)!, cacheDir: o.cacheDir, ext: safeExt(key, fallbackExt), signal: o.signal })
    sources[src.fetched ? 'fetched' : 'reused']++
    return src
  }
  const clips = new Map<string, LocalClip>()
  const total = clipKeys.length + 1
  for (const [i, key] of clipKeys.entries()) {
    const { file, sha256 } = await obtain(key, '.mp4')
    clips.set(key, { key, file, sha256, ...(await probeClipVideo({ key, file, sha256 }, o.cacheDir, o.signal)) })
    await o.onFetched?.(i + 1, total)
  }
  const { file: songFile, sha256 } = await obtain(songKey, '.audio')
  const song = { file: songFile, sha256, ...(await probeSongAudio(songFile, songKey, o.signal)) }
  await o.onFetched?.(total, total)
  return { clips, song, sources }
}

/** Keeps a short alphanumeric extension (demuxers may look at it), nothing else. */
function safeExt(key: string, fallback: string): string {
  const ext = extname(key).toLowerCase()
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : fallback
}

async function probe(file: string, role: 'clip' | 'song', key: string, signal?: AbortSignal): Promise<ProbeResult> {
  let info: ProbeResult
  try {
    info = await probeMedia(file, PROBE_TIMEOUT_MS)
  } catch (e) {
    if (signal?.aborted) throw new RenderAbortError(signal.reason)
    if ((e as { timedOut?: boolean }).timedOut) throw new Error(`ffprobe timed out on ${role} ${key}`)
    throw RenderInputError.invalid(`${role} unreadable: ${key}`)
  }
  // ffprobe takes no signal; it is short, so check once it returns.
  if (signal?.aborted) throw new RenderAbortError(signal.reason)
  return info
}

async function probeSongAudio(file: string, key: string, signal?: AbortSignal): Promise<{ channels: number; sampleRate: number }> {
  const info = await probe(file, 'song', key, signal)
  const audio = info.streams?.find((s) => s.codec_type === 'audio')
  const sampleRate = Number(audio?.sample_rate)
  if (!audio || !(sampleRate > 0)) throw RenderInputError.invalid(`song has no audio: ${key}`)
  return { channels: audio.channels ?? 2, sampleRate }
}

/**
 * The clip's frame rate (to turn count times into frame numbers) and size (to skip padding
 * when the aspect already matches). Library clips are normalised to constant frame rate at
 * ingest; a clip without a video stream is unusable. Remembered per clip content in the cache
 * dir: an ffprobe costs ~0.07 s of CPU, and the same library clips serve every render.
 */
type ClipVideo = Pick<LocalClip, 'fps' | 'width' | 'height'>

async function probeClipVideo(clip: Pick<LocalClip, 'key' | 'file' | 'sha256'>, cacheDir: string, signal?: AbortSignal): Promise<ClipVideo> {
  const memo = join(cacheDir, 'probe', `${clip.sha256.slice(0, 40)}.json`)
  const known = await readFile(memo, 'utf8').then((t) => JSON.parse(t) as ClipVideo, () => null)
  if (known && validVideo(known)) {
    const now = new Date()
    await utimes(memo, now, now).catch(() => undefined) // in use: the cache prune keeps it
    return known
  }
  const info = await probe(clip.file, 'clip', clip.key, signal)
  const video = info.streams?.find((s) => s.codec_type === 'video')
  const [n, d] = (video?.r_frame_rate ?? '').split('/').map(Number)
  const found = { fps: d ? n / d : n, width: video?.width ?? 0, height: video?.height ?? 0 }
  if (!video || !validVideo(found)) throw RenderInputError.invalid(`clip unreadable: ${clip.key}`)
  await mkdir(dirname(memo), { recursive: true })
  const tmp = `${memo}.${process.pid}.${Date.now()}.partial`
  await writeFile(tmp, JSON.stringify(found))
  await rename(tmp, memo)
  return found
}

const validVideo = (v: ClipVideo) =>
  Number.isFinite(v.fps) && v.fps > 0 && v.fps <= 240 && Number.isInteger(v.width) && v.width > 0 && Number.isInteger(v.height) && v.height > 0
