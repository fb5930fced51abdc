import { listFavoriteChoreographies } from '@/lib/services/collections/manage-favorites'
import { handler } from '@/lib/shared/http/handler'

export const GET = handler({}, async ({ user }) => listFavoriteChoreographies(user))
