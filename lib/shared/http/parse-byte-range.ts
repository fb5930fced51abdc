import { AppError } from '@/lib/shared/errors'
import type { ByteRange } from '@/lib/shared/storage/storage'

/**
 * One HTTP Range header against an object of `size` bytes (RFC 9110 §14): "bytes=a-b",
 * "bytes=a-" or the suffix form "bytes=-n". null = serve the whole object (no header, a
 * syntax we do not understand, or several ranges, which a server may ignore). A range that
 * starts past the end is a 416 naming the size, so the player can ask again.
 */
export function parseByteRange(header: string | null, size: number): ByteRange | null {
  if (!header) return null
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header)
  if (!m || (m[1] === '' && m[2] === '')) return null
  const unsatisfiable = () =>
    new AppError('range_not_satisfiable', 'Range not satisfiable', 416, undefined, { 'Content-Range': `bytes */${size}` })
  if (m[1] === '') {
    const suffix = Number(m[2])
    if (suffix === 0 || size === 0) throw unsatisfiable()
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (!Number.isSafeInteger(start) || start >= size) throw unsatisfiable()
  if (end < start) return null // "bytes=9-3" is invalid syntax: ignore it
  return { start, end }
}
