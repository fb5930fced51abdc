import { cancelChoreography } from '@/lib/services/choreographies/manage-choreography'
import { handler } from '@/lib/shared/http/handler'
import { IdParamsSchema } from '@/lib/shared/validation/songs'

export const POST = handler({ params: IdParamsSchema }, async ({ user, params }) => ({ task: await cancelChoreography(user, params.id) }))
