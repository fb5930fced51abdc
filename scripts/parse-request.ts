/**
 * npm run parse-request -- "romantic beginner routine, no dips, two minutes"
 * Prints the params JSON only (stdout); logs and errors go to stderr. Uses Gemini when
 * GEMINI_API_KEY is set, else the offline parser.
 */
import pino from 'pino'
import { isAppError } from '@/lib/shared/errors'
import { parseRequest } from '@/lib/engines/request/parse-request'

const text = process.argv.slice(2).join(' ')
if (!text.trim()) {
  process.stderr.write('usage: npm run parse-request -- "<request text>"\n')
  process.exit(2)
}

const log = pino({ level: 'warn', base: { service: 'parse-request' } }, pino.destination(2))

try {
  const params = await parseRequest(text, { log })
  process.stdout.write(`${JSON.stringify(params, null, 2)}\n`)
} catch (err) {
  process.stderr.write(`${isAppError(err) ? `${err.code}: ${err.message}` : String(err)}\n`)
  process.exit(1)
}
