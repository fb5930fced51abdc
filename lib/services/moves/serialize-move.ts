import type { Move } from '@/lib/generated/prisma/client'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { canEditMove } from './move-access'

/**
 * Changes whenever the row does. Clips are never replaced in place, but demo keys are not
 * content-addressed (clips/demo/<id>.mp4), so the row's updatedAt, not the key, names the
 * bytes; an edit only costs one refetch.
 */
export const moveMediaVersion = (m: Pick<Move, 'updatedAt'>) => m.updatedAt.getTime().toString(36)

/** `canEdit`: whether this viewer may change it, so a page offers only what will work. */
export function serializeMove(m: Move, viewer: SessionUser) {
  const v = moveMediaVersion(m)
  return {
    id: m.id, name: m.name, family: m.family, variant: m.variant, styles: m.styles, moods: m.moods,
    difficulty: m.difficulty, energy: m.energy, counts: m.counts, nativeBpm: m.nativeBpm,
    firstCountOffset: m.firstCountOffset, entry: m.entry, exit: m.exit, leadNotes: m.leadNotes,
    followNotes: m.followNotes, tags: m.tags, description: m.description, loopable: m.loopable,
    durationSeconds: m.durationSeconds, enabled: m.enabled, hasPoster: !!m.posterKey,
    // Versioned so a browser may keep them for long (serve-move-media.ts).
    clipUrl: `/api/moves/${m.id}/clip?v=${v}`,
    posterUrl: m.posterKey ? `/api/moves/${m.id}/poster?v=${v}` : null,
    createdAt: m.createdAt, updatedAt: m.updatedAt, canEdit: canEditMove(viewer, m),
  }
}
