import { cancelChoreography } from '@/lib/choreographies/manage-choreography'
import { handler } from '@/lib/http/handler'
import { IdParamsSchema } from '@/lib/validation/songs'

export const POST = handler({ params: IdParamsSchema }, async ({ user, params }) => ({ task: await cancelChoreography(user, params.id) }))
