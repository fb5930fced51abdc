import { serveSongAudio } from '@/lib/services/songs/serve-song-audio'
import { handler } from '@/lib/shared/http/handler'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const dynamic = 'force-dynamic'

/** The song's audio with byte ranges (206), for previews and the analysis player. */
export const GET = handler({ params: IdParamsSchema }, async ({ user, params, req }) =>
  serveSongAudio(user, params.id, {
    range: req.headers.get('range'), ifNoneMatch: req.headers.get('if-none-match'), head: req.method === 'HEAD',
  }),
)

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
