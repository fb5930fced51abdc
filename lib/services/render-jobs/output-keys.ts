import { AppError } from '@/lib/shared/errors'

/**
 * Where a blueprint's video and poster live. Derived from the blueprint hash only, so every
 * attempt of the same render writes the same two objects: a retried job never makes a second
 * video, and a finished one is found and reused instead of rendered again.
 */
export function outputKeysFor(blueprintHash: string): { outputKey: string; posterKey: string } {
  if (!/^[0-9a-f]{64}$/.test(blueprintHash)) throw AppError.validation('Invalid blueprint hash')
  return { outputKey: `outputs/${blueprintHash}.mp4`, posterKey: `posters/${blueprintHash}.jpg` }
}
