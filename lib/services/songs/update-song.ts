import type { z } from 'zod'
import { getDb } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import type { SongPatchSchema } from '@/lib/shared/validation/songs'
import type { SessionUser } from '@/lib/shared/auth/load-session-user'
import { canManageSong, getVisibleSongOrThrow } from './song-access'
import { serializeSong } from './serialize-song'

/**
 * Title, artist and public/private of a song. Only its uploader or an admin edits it: a public
 * song belongs to the library, and an instructor who did not upload it may correct its count
 * (the analysis endpoint) but not rename it or take it out of the library. Publishing is for
 * instructors and admins, the same rule as at upload.
 */
export async function updateSong(user: SessionUser, id: string, patch: z.infer<typeof SongPatchSchema>) {
  const song = await getVisibleSongOrThrow(user, id)
  if (!canManageSong(user, song, 'edit')) throw AppError.forbidden('Only the uploader or an admin can edit this song')
  if (patch.visibility === 'PUBLIC' && user.role === 'USER') throw AppError.forbidden('Only instructors can publish songs to the library')
  const updated = await getDb().song.update({ where: { id }, data: patch })
  return serializeSong(updated)
}
