import { createCollection, listCollections } from '@/lib/services/collections/manage-collections'
import { handler, json } from '@/lib/shared/http/handler'
import { CreateCollectionSchema } from '@/lib/shared/validation/collections'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({}, async ({ user }) => listCollections(user))

export const POST = handler(
  { body: CreateCollectionSchema, rateLimit: { name: 'collections', limit: 60, windowMs: 60_000 } },
  async ({ user, body }) => json(await createCollection(user, body), 201),
)

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'POST'])
