import { getDb } from '@/lib/shared/db'

export const APP_VERSION = process.env.APP_VERSION ?? process.env.npm_package_version ?? '0.1.0'

/** Database reachability with a hard time limit, so the health check itself never hangs. */
export async function checkHealth(timeoutMs = 2000): Promise<{ ok: boolean; db: 'ok' | 'unreachable'; version: string }> {
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
    ])
    return { ok: true, db: 'ok', version: APP_VERSION }
  } catch {
    return { ok: false, db: 'unreachable', version: APP_VERSION }
  }
}
