import { handler } from '@/lib/http/handler'
import { deleteSong, getSong } from '@/lib/songs/manage-song'
import { IdParamsSchema } from '@/lib/validation/songs'

export const GET = handler({ params: IdParamsSchema }, async ({ user, params }) => ({ song: await getSong(user, params.id) }))

export const DELETE = handler({ params: IdParamsSchema }, async ({ user, params }) => deleteSong(user, params.id))
