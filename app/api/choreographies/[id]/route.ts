import { deleteChoreography } from '@/lib/services/choreographies/delete-choreography'
import { getChoreography } from '@/lib/services/choreographies/manage-choreography'
import { handler } from '@/lib/shared/http/handler'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

export const GET = handler({ params: IdParamsSchema }, async ({ user, params }) => ({ task: await getChoreography(user, params.id) }))

export const DELETE = handler({ params: IdParamsSchema }, async ({ user, params }) => deleteChoreography(user, params.id))

export const { POST, PUT, PATCH, OPTIONS } = otherMethods(['GET', 'DELETE'])
