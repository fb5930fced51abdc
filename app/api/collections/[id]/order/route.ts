import { reorderCollection } from '@/lib/services/collections/manage-collections'
import { handler } from '@/lib/shared/http/handler'
import { ReorderCollectionSchema } from '@/lib/shared/validation/collections'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** The items in their new order (every item id once). */
export const PUT = handler({ params: IdParamsSchema, body: ReorderCollectionSchema }, async ({ user, params, body }) =>
  reorderCollection(user, params.id, body.itemIds))

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods(['PUT'])
