import { BlueprintSchema, type Blueprint } from '@/lib/engines/choreography/blueprint-schema'
import { assertSafeKey } from '@/lib/shared/validation/storage-key'
import { RenderInputError } from './render-errors'

/** Moves may only point at clips, the song only at songs: a blueprint can never make the
 * worker read an upload, another user's output or anything outside the storage root. */
export const CLIP_PREFIXES = ['clips'] as const
export const SONG_PREFIXES = ['songs'] as const

/**
 * The render's input boundary: the schema (shapes, times, clip keys), then every storage key
 * through assertSafeKey with the prefix its role allows. Runs before any file or process is
 * touched; every failure is a non-retryable render_input_* AppError.
 */
export function parseRenderBlueprint(input: unknown): Blueprint {
  const parsed = BlueprintSchema.safeParse(input)
  if (!parsed.success) {
    const fields: Record<string, string[]> = {}
    for (const issue of parsed.error.issues.slice(0, 20)) {
      const key = issue.path.length ? issue.path.join('.') : '_'
      ;(fields[key] ??= []).push(issue.message)
    }
    throw RenderInputError.invalid('Invalid blueprint', fields)
  }
  const bp = parsed.data
  checkKey(bp.song.storageKey, SONG_PREFIXES, 'song.storageKey')
  bp.moves.forEach((m, i) => { if (m.kind === 'move') checkKey(m.clipKey, CLIP_PREFIXES, `moves.${i}.clipKey`) })
  return bp
}

function checkKey(key: string, prefixes: readonly string[], where: string): void {
  try {
    assertSafeKey(key, prefixes)
  } catch {
    throw RenderInputError.unsafeKey(`${where} must be a storage key under ${prefixes.join('/ or ')}/: ${JSON.stringify(key.slice(0, 80))}`)
  }
}
