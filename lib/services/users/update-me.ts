import { getDb } from '@/lib/shared/db'
import type { z } from 'zod'
import type { UpdateMeSchema } from '@/lib/shared/validation/auth'

const PROFILE = { id: true, email: true, name: true, role: true, preferences: true, createdAt: true } as const

export function getProfile(userId: string) {
  return getDb().user.findUniqueOrThrow({ where: { id: userId }, select: PROFILE })
}

/** Name and preferences only; preferences merge so a client can send one setting. */
export async function updateMe(userId: string, input: z.infer<typeof UpdateMeSchema>) {
  const db = getDb()
  const current = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { preferences: true } })
  const preferences = input.preferences
    ? { ...(current.preferences as Record<string, unknown>), ...input.preferences }
    : undefined
  return db.user.update({ where: { id: userId }, data: { name: input.name, preferences }, select: PROFILE })
}
