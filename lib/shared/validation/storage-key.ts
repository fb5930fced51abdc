import { AppError } from '@/lib/shared/errors'

/**
 * Storage keys are server-generated, '/'-separated, under one of the top-level prefixes;
 * nothing user-supplied ever becomes a path. Pure, so the render engine can check a
 * blueprint's keys without depending on storage itself.
 */
export const STORAGE_PREFIXES = ['clips', 'songs', 'outputs', 'uploads', 'posters'] as const
const KEY = /^[a-z0-9][a-z0-9_.-]*(\/[a-z0-9][a-z0-9_.-]*)+$/i

/** Throws unless `key` is a plain relative key under a known prefix: no '..', no absolute
 * paths, no empty or dot segments, no backslashes. */
export function assertSafeKey(key: string, allowedPrefixes: readonly string[] = STORAGE_PREFIXES): void {
  const ok =
    typeof key === 'string' && key.length <= 512 && KEY.test(key) &&
    !key.split('/').some((s) => s === '.' || s === '..' || s.startsWith('..')) &&
    allowedPrefixes.includes(key.split('/')[0])
  if (!ok) throw AppError.badRequest(`Invalid storage key: ${JSON.stringify(String(key).slice(0, 80))}`)
}
