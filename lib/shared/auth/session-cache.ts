import { LRUCache } from 'lru-cache'
import { getEnv } from '@/lib/shared/env'
import type { SessionUser } from './load-session-user'

/**
 * The per-request session check (refresh family + user), remembered for SESSION_CACHE_SECONDS
 * in this process: polling clients would otherwise cost two joins per request. Every change
 * that must take effect at once (revoke, role, disable, password) drops the entries here;
 * other instances see it within the TTL (docs/security.md).
 */
export type CachedSession = { user: SessionUser; familyExpiresAt: number }

type SessionCache = {
  entries: LRUCache<string, CachedSession>
  /** Bumped by every invalidation: a read that started before one is not stored. */
  epoch: number
}

const MAX_ENTRIES = 10_000

// On globalThis: Next bundles route handlers separately, and a role change in one route must
// clear the cache that another route reads.
const holder = globalThis as unknown as { __bbSessionCache?: SessionCache }

function cache(): SessionCache | null {
  const ttlSeconds = getEnv().SESSION_CACHE_SECONDS
  if (ttlSeconds === 0) return null
  if (!holder.__bbSessionCache || holder.__bbSessionCache.entries.ttl !== ttlSeconds * 1000) {
    holder.__bbSessionCache = { entries: new LRUCache({ max: MAX_ENTRIES, ttl: ttlSeconds * 1000 }), epoch: 0 }
  }
  return holder.__bbSessionCache
}

function key(userId: string, familyId: string): string {
  return `${familyId}:${userId}`
}

export function readCachedSession(userId: string, familyId: string): SessionUser | null {
  const hit = cache()?.entries.get(key(userId, familyId))
  if (!hit) return null
  if (hit.familyExpiresAt <= Date.now()) return null
  return { ...hit.user } // a copy: callers must not change the cached one
}

/** An epoch to hand back to storeCachedSession once the database read is done. */
export function sessionCacheEpoch(): number {
  return cache()?.epoch ?? 0
}

export function storeCachedSession(epochAtRead: number, session: CachedSession): void {
  const c = cache()
  // An invalidation landed while we read: what we read may predate it.
  if (!c || c.epoch !== epochAtRead) return
  c.entries.set(key(session.user.id, session.user.familyId), session)
}

/** A family was revoked (sign-out, logout, reuse). */
export function forgetSessionFamily(familyId: string): void {
  const c = holder.__bbSessionCache
  if (!c) return
  c.epoch++
  for (const k of c.entries.keys()) if (k.startsWith(`${familyId}:`)) c.entries.delete(k)
}

/** Something about the user changed (role, disabled, password): all its sign-ins. */
export function forgetSessionsOfUser(userId: string): void {
  const c = holder.__bbSessionCache
  if (!c) return
  c.epoch++
  for (const [k, v] of c.entries.entries()) if (v.user.id === userId) c.entries.delete(k)
}
