import { afterEach, describe, expect, it } from 'vitest'
import { disconnectDb, getPool, WEB_KEPT_CONNECTIONS, warmPool } from '@/lib/shared/db'

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


  it('never opens more than DB_POOL_MAX', async () => {
    await disconnectDb()
    process.env.DB_POOL_MAX = '2'
    expect(await warmPool()).toBe(2)
    expect(getPool().totalCount).toBe(2)
  })
})
