import { createShareLink, listShareLinks } from '@/lib/services/choreographies/share-links'
import { handler, json } from '@/lib/shared/http/handler'
import { CreateShareLinkSchema } from '@/lib/shared/validation/choreographies'
import { IdParamsSchema } from '@/lib/shared/validation/songs'
import { otherMethods } from '@/lib/shared/http/other-methods'

/** The owner's share links (no tokens: a token is shown once, at creation). */
export const GET = handler({ params: IdParamsSchema }, async ({ user, params }) => listShareLinks(user, params.id))

/** 201 with the link's URL: the only time its token is visible. */
export const POST = handler(
  { params: IdParamsSchema, body: CreateShareLinkSchema, rateLimit: { name: 'share-link', limit: 30, windowMs: 60_000 } },
  async ({ user, params, body }) => json(await createShareLink(user, params.id, body), 201),
)

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'POST'])
