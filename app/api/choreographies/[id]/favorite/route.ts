import { favoriteChoreography } from '@/lib/services/collections/manage-favorites'
import { handler } from '@/lib/shared/http/handler'
import { IdParamsSchema } from '@/lib/shared/validation/songs'

/** Idempotent on both sides: PUT favourites, DELETE un-favourites. */
export const PUT = handler({ params: IdParamsSchema }, async ({ user, params }) => favoriteChoreography(user, params.id, true))
export const DELETE = handler({ params: IdParamsSchema }, async ({ user, params }) => favoriteChoreography(user, params.id, false))
