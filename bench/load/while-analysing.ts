import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'

/** 15 minutes (just under the limit) of silence as FLAC: tiny to send, the full analysis to run. */
async function fifteenMinutesOfSilence(): Promise<Buffer> {
  const file = '.data/bench-load/silence-894.flac'
  if (!existsSync(file)) {
    await mkdir(path.dirname(file), { recursive: true })
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono', '-t', '894', '-c:a', 'flac', file], { timeout: 120_000 })
  }
  return readFile(file)
}

/** Runs `during` while such uploads are analysed back to back; how many ran to their answer. */
export async function whileAnalysing<T>(url: string, headers: Record<string, string>, during: () => Promise<T>): Promise<{ result: T; analysed: number }> {
  const flac = await fifteenMinutesOfSilence()
  let analysing = true
  let analysed = 0
  const uploads = (async () => {
    while (analysing) {
      const form = new FormData()
      form.append('title', 'fifteen minutes')
      form.append('file', new Blob([new Uint8Array(flac)]), 'fifteen-minutes.flac')
      await (await fetch(`${url}/api/songs`, { method: 'POST', headers, body: form })).text()
      analysed++
    }
  })()
  await new Promise((r) => setTimeout(r, 500)) // the first analysis is under way
  try {
    return { result: await during(), analysed }
  } finally {
    analysing = false
    await uploads
  }
}
