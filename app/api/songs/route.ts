import { handler, json } from '@/lib/shared/http/handler'
import { createSong } from '@/lib/services/songs/create-song'
import { listSongs } from '@/lib/services/songs/list-songs'
import { receiveMultipartFile } from '@/lib/shared/http/receive-multipart-file'
import { SongListQuerySchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

const MAX_SONG_BYTES = 60 * 1024 * 1024

export const GET = handler({ query: SongListQuerySchema }, async ({ user, query }) => listSongs(user, query))

/** multipart/form-data: file, title, artist?, visibility? (PUBLIC: instructors and admins).
 * 202 once the file is checked and stored: song.analysisStatus is `analysing` (poll
 * GET /api/songs/:id/analysis), or `ready`/`failed` at once for content analysed before. */
export const POST = handler(
  { rateLimit: { name: 'song-upload', limit: 20, windowMs: 60_000 } },
  async ({ req, user }) => {
    const file = await receiveMultipartFile(req, { fileField: 'file', maxBytes: MAX_SONG_BYTES })
    try {
      return json(await createSong(user, file), 202)
    } finally {
      await file.cleanup()
    }
  },
)

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'POST'])
