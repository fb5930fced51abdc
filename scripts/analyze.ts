/**
 * npm run analyze -- <audio-file> [--out file.json]
 * Prints the SongAnalysis JSON on stdout and nothing else (other tools parse it); messages
 * go to stderr. Exit codes: 0 ok, 2 the file was rejected (4xx AppError), 1 anything else.
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { analyzeSongFile } from '@/lib/engines/audio/analyze-song-file'
import { isAppError } from '@/lib/shared/errors'

async function main() {
  const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true })
  if (positionals.length !== 1) {
    process.stderr.write('usage: npm run analyze -- <audio-file> [--out file.json]\n')
    return 2
  }
  try {
    const analysis = await analyzeSongFile(positionals[0])
    const json = JSON.stringify(analysis)
    if (values.out) writeFileSync(values.out, json)
    process.stdout.write(`${json}\n`)
    return 0
  } catch (e) {
    if (isAppError(e) && e.status < 500) {
      process.stderr.write(`error (${e.status} ${e.code}): ${e.message}\n`)
      return 2
    }
    process.stderr.write(`error: ${(e as Error).message}\n`)
    return 1
  }
}

main().then((code) => { process.exitCode = code })
