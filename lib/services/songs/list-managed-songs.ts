import type { z } from 'zod'
import { ANALYSIS_VERSION } from '@/lib/engines/audio'
import { getDb, type Prisma } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { pageArgs } from '@/lib/shared/validation/pagination'
import type { ManagedSongListQuerySchema } from '@/lib/shared/validation/songs'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { canManageSong, titleOrArtistWhere, visibleSongsWhere } from './song-access'
import { serializeSong } from './serialize-song'

type AnalysisSummary = { id: string; warnings: number; corrections: number; confidence: number | null }

/**
 * The songs an instructor curates in /admin/songs: their own uploads and the public library
 * (an admin: every song), newest first, each with what its analysis says at a glance. The
 * summary is read inside Postgres: an analysis carries every beat and the loudness curve,
 * far too much to load for a list row.
 */
export async function listManagedSongs(user: SessionUser, q: z.infer<typeof ManagedSongListQuerySchema>) {
  if (user.role === 'USER') throw AppError.forbidden()
  const filters: Prisma.SongWhereInput[] = [visibleSongsWhere(user)]
  if (q.q) filters.push(titleOrArtistWhere(q.q))
  if (q.visibility) filters.push({ visibility: q.visibility })
  const where = { AND: filters }
  const db = getDb()
  const [rows, total] = await Promise.all([
    db.song.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], ...pageArgs(q), omit: { analysis: true } }),
    db.song.count({ where }),
  ])
  const ids = rows.map((s) => s.id)
  const summaries = ids.length === 0 ? [] : await db.$queryRaw<AnalysisSummary[]>`
    SELECT id,
      COALESCE(jsonb_array_length(CASE WHEN jsonb_typeof(analysis->'warnings') = 'array' THEN analysis->'warnings' END), 0)::int AS warnings,
      COALESCE(jsonb_array_length(CASE WHEN jsonb_typeof("analysisCorrections") = 'array' THEN "analysisCorrections" END), 0)::int AS corrections,
      (analysis->>'confidence')::float8 AS confidence
    FROM "Song" WHERE id = ANY(${ids})`
  const byId = new Map(summaries.map((s) => [s.id, s]))
  const items = rows.map((s) => {
    const sum = byId.get(s.id)
    return {
      ...serializeSong({ ...s, analysis: null }),
      editable: canManageSong(user, s, 'edit'),
      analysis: {
        // An older algorithm's result is re-analysed the next time the song is opened.
        current: s.analysisVersion === ANALYSIS_VERSION && sum?.confidence != null,
        confidence: sum?.confidence ?? null,
        warnings: sum?.warnings ?? 0,
        corrections: sum?.corrections ?? 0,
      },
    }
  })
  return { items, total, page: q.page, pageSize: q.pageSize }
}
export type ManagedSong = Awaited<ReturnType<typeof listManagedSongs>>['items'][number]
