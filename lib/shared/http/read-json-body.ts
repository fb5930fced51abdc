import { AppError } from '@/lib/shared/errors'
import { readBodyBytes } from './read-body-bytes'

/**
 * Reads a JSON body with a byte limit enforced while streaming, so a 1 GB body costs at most
 * `maxBytes` of memory. Wrong content type → 415, too large → 413, bad JSON → 400, a body
 * that stalls or trickles → 408.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get('content-type') ?? ''
  // No body at all: let the schema decide whether that is acceptable.
  if (!type && (!req.body || req.headers.get('content-length') === '0')) return undefined
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw AppError.unsupportedMedia('Expected a JSON body (Content-Type: application/json)')
  }
  if (!req.body) throw AppError.badRequest('Request body is required')
  const text = (await readBodyBytes(req, maxBytes)).toString('utf8')
  if (!text.trim()) throw AppError.badRequest('Request body is required')
  try {
    return JSON.parse(text)
  } catch {
    throw AppError.badRequest('Request body is not valid JSON')
  }
}
