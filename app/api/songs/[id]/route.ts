import { handler } from '@/lib/shared/http/handler'
import { deleteSong, getSong } from '@/lib/services/songs/manage-song'
import { updateSong } from '@/lib/services/songs/update-song'
import { IdParamsSchema, SongPatchSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({ params: IdParamsSchema }, async ({ user, params }) => ({ song: await getSong(user, params.id) }))

/** { title?, artist?, visibility? }: the uploader or an admin; PUBLIC only for instructors and admins. */
export const PATCH = handler({ params: IdParamsSchema, body: SongPatchSchema }, async ({ user, params, body }) => ({ song: await updateSong(user, params.id, body) }))

export const DELETE = handler({ params: IdParamsSchema }, async ({ user, params }) => deleteSong(user, params.id))

export const { POST, PUT, OPTIONS } = otherMethods(['GET', 'PATCH', 'DELETE'])
