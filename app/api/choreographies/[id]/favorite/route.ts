import { favoriteChoreography } from '@/lib/services/collections/manage-favorites'
import { handler } from '@/lib/shared/http/handler'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** Idempotent on both sides: PUT favourites, DELETE un-favourites. */
export const PUT = handler({ params: IdParamsSchema }, async ({ user, params }) => favoriteChoreography(user, params.id, true))
export const DELETE = handler({ params: IdParamsSchema }, async ({ user, params }) => favoriteChoreography(user, params.id, false))

export const { GET, POST, PATCH, OPTIONS } = otherMethods(['PUT', 'DELETE'])
