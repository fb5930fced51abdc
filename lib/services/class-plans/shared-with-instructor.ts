import type { Prisma } from '@/lib/shared/db'

/**
 * What "shared with an instructor" means here. A share link names no recipient: whoever holds
 * the token may watch. So an instructor may use someone else's choreography once they have
 * shown a live token (added it by its link), and for as long as one of its links stays live.
 */
export const liveShareLinkWhere = (now = new Date()): Prisma.ShareLinkWhereInput => ({
  revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
})

/** Another owner's choreographies this instructor already added by link and that are still shared. */
export const sharedWithInstructorWhere = (userId: string): Prisma.ChoreographyTaskWhereInput => ({
  ownerId: { not: userId },
  classPlanItems: { some: { plan: { instructorId: userId } } },
  shareLinks: { some: liveShareLinkWhere() },
})
