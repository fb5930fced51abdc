import { revokeShareLink } from '@/lib/services/choreographies/share-links'
import { handler } from '@/lib/shared/http/handler'
import { ShareLinkParamsSchema } from '@/lib/shared/validation/choreographies'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** Revoke: the link answers 404 from now on. */
export const DELETE = handler({ params: ShareLinkParamsSchema }, async ({ user, params }) => revokeShareLink(user, params.id, params.linkId))

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods(['DELETE'])
