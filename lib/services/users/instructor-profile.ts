import { getDb } from '@/lib/shared/db'
import type { z } from 'zod'
import { InstructorLinkSchema, type InstructorLink, type InstructorProfileSchema } from '@/lib/shared/validation/instructor-profile'

export interface InstructorProfileView { bio: string; school: string; links: InstructorLink[] }

/** What anyone may see of an instructor (on a shared class plan): never the email or id. */
export interface PublicInstructorProfile extends InstructorProfileView { name: string }

/** Stored links, re-validated on the way out: a page renders them as hrefs. */
function readLinks(stored: unknown): InstructorLink[] {
  if (!Array.isArray(stored)) return []
  return stored.flatMap((l) => {
    const parsed = InstructorLinkSchema.safeParse(l)
    return parsed.success ? [parsed.data] : []
  })
}

function view(p: { bio: string; school: string; links: unknown } | null): InstructorProfileView {
  return { bio: p?.bio ?? '', school: p?.school ?? '', links: readLinks(p?.links) }
}

export async function getInstructorProfile(userId: string): Promise<InstructorProfileView> {
  return view(await getDb().instructorProfile.findUnique({ where: { userId } }))
}

export async function saveInstructorProfile(userId: string, input: z.infer<typeof InstructorProfileSchema>): Promise<InstructorProfileView> {
  const data = { bio: input.bio, school: input.school, links: input.links }
  return view(await getDb().instructorProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data }))
}

/** The serializer a class-plan page uses for its author. */
export function toPublicInstructorProfile(user: { name: string }, profile: { bio: string; school: string; links: unknown } | null): PublicInstructorProfile {
  return { name: user.name, ...view(profile) }
}

/** The author box of a shared class plan, or null when the user is not (or no longer) an instructor. */
export async function loadPublicInstructorProfile(userId: string): Promise<PublicInstructorProfile | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { name: true, role: true, disabled: true, profile: true } })
  if (!user || user.disabled || user.role === 'USER') return null
  return toPublicInstructorProfile(user, user.profile)
}
