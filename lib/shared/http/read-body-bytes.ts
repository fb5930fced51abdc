import { AppError } from '@/lib/shared/errors'
import { bodyClock, readBodyTimed } from './read-body-timed'

/**
 * A whole (small) request body in memory, bounded two ways: more than `maxBytes` (declared or
 * streamed) → 413 before the rest is read; a body that stalls or trickles → 408
 * (read-body-timed.ts). An absent body is an empty buffer.
 */
export async function readBodyBytes(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) throw AppError.tooLarge(`Body exceeds ${maxBytes} bytes`)
  if (!req.body) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let total = 0
  for await (const value of readBodyTimed(req.body, bodyClock('json'))) {
    total += value.byteLength
    // Leaving the loop cancels the read.
    if (total > maxBytes) throw AppError.tooLarge(`Body exceeds ${maxBytes} bytes`)
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
