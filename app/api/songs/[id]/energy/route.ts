import { handler, json } from '@/lib/shared/http/handler'
import { getSongEnergy } from '@/lib/services/songs/manage-song'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** The analysis' loudness envelope for the plot: { durationSeconds, hopSeconds, values[0–1] }. */
export const GET = handler({ params: IdParamsSchema }, async ({ user, params }) =>
  json(await getSongEnergy(user, params.id), 200, { 'Cache-Control': 'private, max-age=300' }),
)

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET'])
