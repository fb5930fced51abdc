import type { Song } from '@/lib/generated/prisma/client'

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
    ...(opts.withAnalysis ? { analysis: song.analysis } : {}),
  }
}
