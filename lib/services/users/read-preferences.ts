import { getDb } from '@/lib/shared/db'
import { PreferencesSchema, type Preferences } from '@/lib/shared/validation/auth'

/** Stored preferences, validated on the way out: a key written by an older version that
 * no longer parses is dropped rather than trusted. */
export function readPreferences(stored: unknown): Preferences {
  const raw = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {}
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(PreferencesSchema.shape)) {
    const parsed = field.safeParse(raw[key])
    if (parsed.success && parsed.data !== undefined && parsed.data !== null) out[key] = parsed.data
  }
  return out as Preferences
}

export async function loadPreferences(userId: string): Promise<Preferences> {
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId }, select: { preferences: true } })
  return readPreferences(user.preferences)
}
