import { AppError } from '@/lib/shared/errors'

/** The longest request we accept: a sentence or two, not an essay (and bounded work). */
export const MAX_REQUEST_CHARS = 500

/**
 * Checks the raw request at the boundary: a string of at most MAX_REQUEST_CHARS after
 * trimming. Control characters become spaces so they cannot smuggle anything into logs.
 */
export function assertRequestText(text: unknown): string {
  if (typeof text !== 'string') {
    throw AppError.validation('The request must be text', { text: ['expected a string'] })
  }
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim()
  if (clean.length > MAX_REQUEST_CHARS) {
    throw AppError.validation(`The request is too long (${clean.length} characters, at most ${MAX_REQUEST_CHARS})`, {
      text: [`at most ${MAX_REQUEST_CHARS} characters`],
    })
  }
  return clean
}
