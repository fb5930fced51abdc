import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'

/** Analyses are cached by the file's hash: each upload needs bytes of its own to be analysed. */
const VARIANTS = 8

/** 15 minutes (just under the limit) of silence as FLAC: tiny to send, the full analysis to run.
 * Variants differ in a metadata comment only. */
async function fifteenMinutesOfSilence(variant: number): Promise<Buffer> {
  const file = `.data/bench-load/silence-894-${variant}.flac`
  if (!existsSync(file)) {
    await mkdir(path.dirname(file), { recursive: true })
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono', '-t', '894', '-metadata', `comment=bench-load-${variant}-${Date.now()}`, '-c:a', 'flac', file], { timeout: 120_000 })
  }
  return readFile(file)
}

/**
 * Runs `during` while such uploads are analysed back to back, each a file not analysed before;
 * how many answered, and how long each took (an analysis that ran shows in seconds).
 */
export async function whileAnalysing<T>(url: string, headers: Record<string, string>, during: () => Promise<T>): Promise<{ result: T; uploads: { status: number; seconds: number }[] }> {
  const files = await Promise.all(Array.from({ length: VARIANTS }, (_, i) => fifteenMinutesOfSilence(i)))
  let analysing = true
  const answered: { status: number; seconds: number }[] = []
  const uploads = (async () => {
    for (let i = 0; analysing && i < files.length; i++) {
      const form = new FormData()
      form.append('title', 'fifteen minutes')
      form.append('file', new Blob([new Uint8Array(files[i])]), 'fifteen-minutes.flac')
      const started = performance.now()
      const res = await fetch(`${url}/api/songs`, { method: 'POST', headers, body: form })
      await res.text()
      answered.push({ status: res.status, seconds: Math.round((performance.now() - started) / 100) / 10 })
    }
  })()
  await new Promise((r) => setTimeout(r, 500)) // the first analysis is under way
  try {
    return { result: await during(), uploads: answered }
  } finally {
    analysing = false
    await uploads
  }
}
