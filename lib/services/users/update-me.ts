import { getDb, type Prisma } from '@/lib/shared/db'
import type { z } from 'zod'
import type { UpdateMeSchema } from '@/lib/shared/validation/auth'
import { forgetSessionsOfUser } from '@/lib/shared/auth/session-cache'
import { readPreferences } from './read-preferences'

const PROFILE = { id: true, email: true, name: true, role: true, preferences: true, createdAt: true } as const

export function getProfile(userId: string) {
  return getDb().user.findUniqueOrThrow({ where: { id: userId }, select: PROFILE })
}

/** Name and preferences only. Preferences merge so a client can send one setting; a null
 * removes that setting (back to "any"). */
export async function updateMe(userId: string, input: z.infer<typeof UpdateMeSchema>) {
  const db = getDb()
  let preferences: Record<string, unknown> | undefined
  if (input.preferences) {
    const current = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { preferences: true } })
    preferences = { ...readPreferences(current.preferences), ...input.preferences }
    for (const [k, v] of Object.entries(preferences)) if (v === null) delete preferences[k]
  }
  const profile = await db.user.update({ where: { id: userId }, data: { name: input.name, preferences: preferences as Prisma.InputJsonObject | undefined }, select: PROFILE })
  forgetSessionsOfUser(userId) // the session carries the name
  return profile
}
