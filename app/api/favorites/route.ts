import { listFavoriteChoreographies } from '@/lib/services/collections/manage-favorites'
import { handler } from '@/lib/shared/http/handler'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({}, async ({ user }) => listFavoriteChoreographies(user))

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
