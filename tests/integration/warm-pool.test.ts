import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { disconnectDb, getPool, WEB_KEPT_CONNECTIONS, warmPool } from '@/lib/shared/db'
import { consumeRateLimit } from '@/lib/shared/http/rate-limit'

// The pool a process boots with (instrumentation.ts → warmPool): the kept connections are open
// before the first request, so a burst that fits in them opens none under load. (That a process
// which never warms keeps nothing open is worker-compiled.test.ts's "holds no database connection".)
describe('warmPool', () => {
  const maxBefore = process.env.DB_POOL_MAX
  afterEach(async () => {
    await disconnectDb()
    if (maxBefore === undefined) delete process.env.DB_POOL_MAX
    else process.env.DB_POOL_MAX = maxBefore
  })

  it('opens the kept connections at once, and a burst that fits in them opens no more', async () => {
    await disconnectDb()
    delete process.env.DB_POOL_MAX
    expect(await warmPool()).toBe(WEB_KEPT_CONNECTIONS)
    const pool = getPool()
    expect(pool.totalCount).toBe(WEB_KEPT_CONNECTIONS)
    const warmed = new Set((await Promise.all(Array.from({ length: WEB_KEPT_CONNECTIONS }, () => pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))))
      .map((r) => r.rows[0].pid))
    expect(pool.totalCount).toBe(WEB_KEPT_CONNECTIONS)
    // Postgres agrees: those backends are this pool's, all still connected.
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])', [[...warmed]])
    expect(rows[0].n).toBe(warmed.size)
  })


  it('rate limits count on the kept connections: a limited request opens none', async () => {
    await disconnectDb()
    delete process.env.DB_POOL_MAX
    await warmPool()
    const pool = getPool()
    const query = vi.spyOn(pool, 'query')
    const key = `warm-pool-${randomUUID()}`
    await consumeRateLimit('warm-pool-test', key, 2, 60_000)
    await consumeRateLimit('warm-pool-test', key, 2, 60_000)
    await expect(consumeRateLimit('warm-pool-test', key, 2, 60_000)).rejects.toMatchObject({ status: 429 })
    expect(query).toHaveBeenCalled()
    expect(pool.totalCount).toBe(WEB_KEPT_CONNECTIONS)
  })

  it('never opens more than DB_POOL_MAX', async () => {
    await disconnectDb()
    process.env.DB_POOL_MAX = '2'
    expect(await warmPool()).toBe(2)
    expect(getPool().totalCount).toBe(2)
  })
})
