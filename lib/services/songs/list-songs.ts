import type { z } from 'zod'
import { getDb, type Prisma } from '@/lib/shared/db'
import { pageArgs } from '@/lib/shared/validation/pagination'
import type { SongListQuerySchema } from '@/lib/shared/validation/songs'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { titleOrArtistWhere, visibleSongsWhere } from './song-access'
import { serializeSong } from './serialize-song'

export async function listSongs(user: SessionUser, q: z.infer<typeof SongListQuerySchema>) {
  const filters: Prisma.SongWhereInput[] = [visibleSongsWhere(user)]
  if (q.mine) filters.push({ uploadedById: user.id })
  if (q.q) filters.push(titleOrArtistWhere(q.q))
  if (q.minBpm !== undefined || q.maxBpm !== undefined) filters.push({ bpm: { gte: q.minBpm, lte: q.maxBpm } })
  if (q.energy) filters.push({ energyClass: q.energy })
  const where = { AND: filters }
  const db = getDb()
  const [rows, total] = await Promise.all([
    db.song.findMany({ where, orderBy: [{ [q.sort]: q.order }, { id: 'asc' }], ...pageArgs(q) }),
    db.song.count({ where }),
  ])
  return { items: rows.map((s) => serializeSong(s)), total, page: q.page, pageSize: q.pageSize }
}
