import { handler } from '@/lib/shared/http/handler'
import { deleteSong, getSong } from '@/lib/services/songs/manage-song'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({ params: IdParamsSchema }, async ({ user, params }) => ({ song: await getSong(user, params.id) }))

export const DELETE = handler({ params: IdParamsSchema }, async ({ user, params }) => deleteSong(user, params.id))

export const { POST, PUT, PATCH, OPTIONS } = otherMethods(['GET', 'DELETE'])
