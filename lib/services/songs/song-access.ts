import { getDb, type Prisma } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { escapeLike } from '@/lib/shared/escape-like'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'

/** Songs a user may see: public ones and their own (admins see all). */
export function visibleSongsWhere(user: SessionUser): Prisma.SongWhereInput {
  if (user.role === 'ADMIN') return {}
  return { OR: [{ visibility: 'PUBLIC' }, { uploadedById: user.id }] }
}

/** The song if this user may see it; otherwise 404 (never 403: don't confirm it exists). */
export async function getVisibleSongOrThrow(user: SessionUser, id: string) {
  const song = await getDb().song.findFirst({ where: { AND: [{ id }, visibleSongsWhere(user)] } })
  if (!song) throw AppError.notFound('Song')
  return song
}

/** Owners and admins manage a song (delete it, edit its title, artist and visibility);
 * instructors may also correct public songs' analyses. */
export function canManageSong(user: SessionUser, song: { uploadedById: string | null; visibility: string }, action: 'delete' | 'edit' | 'analysis'): boolean {
  if (user.role === 'ADMIN' || song.uploadedById === user.id) return true
  return action === 'analysis' && user.role === 'INSTRUCTOR' && song.visibility === 'PUBLIC'
}

/** Title or artist contains the text, case-insensitively. `contains` is SQL LIKE: escaped, a
 * typed % or _ matches itself, not anything. */
export function titleOrArtistWhere(text: string): Prisma.SongWhereInput {
  const like = escapeLike(text)
  return { OR: [{ title: { contains: like, mode: 'insensitive' } }, { artist: { contains: like, mode: 'insensitive' } }] }
}
