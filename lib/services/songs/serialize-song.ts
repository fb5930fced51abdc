import type { Song } from '@/lib/generated/prisma/client'
import { analysisState } from './song-readiness'

/** The API's view of a song: no storage keys or content hashes leave the server. */
export function serializeSong(song: Song, opts: { withAnalysis?: boolean } = {}) {
  return {
    id: song.id,
    title: song.title,
    artist: song.artist,
    visibility: song.visibility,
    durationSeconds: song.durationSeconds,
    bpm: song.bpm,
    energyClass: song.energyClass,
    mimeType: song.mimeType,
    sizeBytes: song.sizeBytes,
    uploadedById: song.uploadedById,
    createdAt: song.createdAt,
    analysisVersion: song.analysisVersion,
    ...analysisState(song),
    ...(opts.withAnalysis ? { analysis: withoutEnvelope(song.analysis), corrections: song.analysisCorrections } : {}),
  }
}

/** The loudness curve is most of an analysis' bytes and only the plot draws it: it has its own
 * endpoint (GET /api/songs/:id/energy), so song reads stay small. */
export function withoutEnvelope(analysis: Song['analysis']) {
  if (!analysis || typeof analysis !== 'object' || Array.isArray(analysis)) return analysis
  const { energyEnvelope: _, ...rest } = analysis as Record<string, unknown>
  return rest
}
