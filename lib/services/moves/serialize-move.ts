import type { Move } from '@/lib/generated/prisma/client'

export function serializeMove(m: Move) {
  return {
    id: m.id, name: m.name, family: m.family, variant: m.variant, styles: m.styles, moods: m.moods,
    difficulty: m.difficulty, energy: m.energy, counts: m.counts, nativeBpm: m.nativeBpm,
    firstCountOffset: m.firstCountOffset, entry: m.entry, exit: m.exit, leadNotes: m.leadNotes,
    followNotes: m.followNotes, tags: m.tags, description: m.description, loopable: m.loopable,
    durationSeconds: m.durationSeconds, enabled: m.enabled, hasPoster: !!m.posterKey,
    createdAt: m.createdAt, updatedAt: m.updatedAt,
  }
}
