import { addCollectionItem } from '@/lib/services/collections/manage-collections'
import { handler, json } from '@/lib/shared/http/handler'
import { AddCollectionItemSchema } from '@/lib/shared/validation/collections'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const POST = handler(
  { params: IdParamsSchema, body: AddCollectionItemSchema, rateLimit: { name: 'collections', limit: 60, windowMs: 60_000 } },
  async ({ user, params, body }) => json(await addCollectionItem(user, params.id, body), 201),
)

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
