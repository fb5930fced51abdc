import { getDb } from '@/lib/shared/db'
import type { LibraryMove } from '@/lib/engines/choreography'
import type { DanceState } from '@/lib/engines/dance/vocabulary'
import type { Move } from '@/lib/generated/prisma/client'

/** Database row → the engine's LibraryMove. */
export function toLibraryMove(m: Move): LibraryMove {
  return {
    id: m.id, name: m.name, family: m.family as LibraryMove['family'], variant: m.variant,
    styles: m.styles as LibraryMove['styles'], moods: m.moods as LibraryMove['moods'],
    difficulty: m.difficulty as LibraryMove['difficulty'], energy: m.energy as LibraryMove['energy'],
    counts: m.counts as LibraryMove['counts'], nativeBpm: m.nativeBpm, firstCountOffset: m.firstCountOffset,
    entry: m.entry as DanceState, exit: m.exit as DanceState, leadNotes: m.leadNotes, followNotes: m.followNotes,
    tags: m.tags, description: m.description, loopable: m.loopable, clipKey: m.clipKey,
    durationSeconds: m.durationSeconds, enabled: m.enabled,
  }
}

/** Every enabled move: disabled (soft-deleted) moves are never chosen again. */
export async function loadLibrary(): Promise<LibraryMove[]> {
  const rows = await getDb().move.findMany({ where: { enabled: true }, orderBy: { id: 'asc' } })
  return rows.map(toLibraryMove)
}
