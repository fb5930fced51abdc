import { deleteCollection, getCollection, updateCollection } from '@/lib/services/collections/manage-collections'
import { handler } from '@/lib/shared/http/handler'
import { UpdateCollectionSchema } from '@/lib/shared/validation/collections'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({ params: IdParamsSchema }, async ({ user, params }) => getCollection(user, params.id))
export const PATCH = handler({ params: IdParamsSchema, body: UpdateCollectionSchema }, async ({ user, params, body }) => updateCollection(user, params.id, body))
export const DELETE = handler({ params: IdParamsSchema }, async ({ user, params }) => deleteCollection(user, params.id))

export const { POST, PUT, OPTIONS } = otherMethods(['GET', 'PATCH', 'DELETE'])
