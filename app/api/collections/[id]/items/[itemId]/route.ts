import { removeCollectionItem, updateCollectionItem } from '@/lib/services/collections/manage-collections'
import { handler } from '@/lib/shared/http/handler'
import { CollectionItemParamsSchema, UpdateCollectionItemSchema } from '@/lib/shared/validation/collections'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const PATCH = handler({ params: CollectionItemParamsSchema, body: UpdateCollectionItemSchema }, async ({ user, params, body }) =>
  updateCollectionItem(user, params.id, params.itemId, body.note))
export const DELETE = handler({ params: CollectionItemParamsSchema }, async ({ user, params }) => removeCollectionItem(user, params.id, params.itemId))

export const { GET, POST, PUT, OPTIONS } = otherMethods(['PATCH', 'DELETE'])
