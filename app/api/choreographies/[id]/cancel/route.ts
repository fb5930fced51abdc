import { cancelChoreography } from '@/lib/services/choreographies/manage-choreography'
import { handler } from '@/lib/shared/http/handler'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const POST = handler({ params: IdParamsSchema }, async ({ user, params }) => ({ task: await cancelChoreography(user, params.id) }))

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['POST'])
