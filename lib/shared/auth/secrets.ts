import { createHash } from 'node:crypto'
import { authSecret } from '@/lib/shared/env'

/** Separate keys per purpose, derived from the one AUTH_SECRET, so a key used for one kind
 * of token can never verify another kind. */
export function deriveKey(purpose: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`bachata-buddy:${purpose}:${authSecret()}`).digest())
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
