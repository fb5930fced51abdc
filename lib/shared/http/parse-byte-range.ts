import rangeParser from 'range-parser'
import { AppError } from '@/lib/shared/errors'
import type { ByteRange } from '@/lib/shared/storage/storage'

/** Well-formed byte ranges (RFC 9110 §14.1.2): "a-b", "a-" or the suffix "-n", comma separated. */
const BYTE_RANGES = /^\s*bytes\s*=\s*(?:\d+-\d*|-\d+)(?:\s*,\s*(?:\d+-\d*|-\d+))*\s*$/i

/**
 * One HTTP Range header against an object of `size` bytes, read by `range-parser` (the
 * parser Express and `send` use). null = serve the whole object: no header, a syntax we do
 * not understand, or several ranges (a server may ignore those; players ask for one). A
 * well-formed range nothing of the object satisfies ("bytes=5000-" of 1000 bytes, "bytes=9-3")
 * is a 416 naming the size, so the player can ask again.
 */
export function parseByteRange(header: string | null, size: number): ByteRange | null {
  if (!header || !BYTE_RANGES.test(header)) return null
  // RFC 9110: a suffix longer than the object means all of it; range-parser 1.2 drops it
  // instead (start < 0), so such a suffix is rewritten as "from the first byte".
  const spec = header.replace(/\s+/g, '').replace(/(=|,)-(\d+)/g, (m, sep: string, n: string) => (Number(n) > size && size > 0 ? `${sep}0-` : m))
  const parsed = rangeParser(size, spec, { combine: true })
  if (parsed === -1) {
    throw new AppError('range_not_satisfiable', 'Range not satisfiable', 416, undefined, { 'Content-Range': `bytes */${size}` })
  }
  if (parsed === -2 || parsed.type !== 'bytes' || parsed.length !== 1) return null
  return { start: parsed[0].start, end: parsed[0].end }
}
