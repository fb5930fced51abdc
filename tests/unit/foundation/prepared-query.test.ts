import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { disconnectDb } from '@/lib/shared/db'
import { toAppError } from '@/lib/shared/http/error-response'
import { parseUtcTimestamp, preparedQuery } from '@/lib/shared/prepared-query'

// Before anything reads the environment: the pool this file's queries use points at port 1 on
// loopback, where nothing listens (the connect is refused at once).
process.env.DATABASE_URL = 'postgresql://x@127.0.0.1:1/none'

afterAll(async () => {
  await disconnectDb()
})

describe('prepared statements on the shared pool', () => {
  it('reads a DateTime column (timestamp without time zone, written in UTC) as UTC in any server time zone', () => {
    const zone = process.env.TZ
    process.env.TZ = 'America/New_York' // Node applies a changed TZ at once
    try {
      const text = '2026-12-06 00:10:43.123'
      // pg's own parser reads it as local time: 5 hours off here (what this parser exists to avoid).
      expect((pg.types.getTypeParser(1114, 'text')(text) as Date).toISOString()).toBe('2026-12-06T05:10:43.123Z')
      expect(parseUtcTimestamp(text).toISOString()).toBe('2026-12-06T00:10:43.123Z')
      expect(parseUtcTimestamp('2026-07-01 23:59:59').toISOString()).toBe('2026-07-01T23:59:59.000Z')
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it('a database that cannot be reached answers 503 with Retry-After, as through Prisma', async () => {
    const err = await preparedQuery({ name: 'probe', text: 'SELECT 1 AS one' }, []).then(() => null, (e: unknown) => e)
    expect(err).toBeTruthy()
    // pg's own error, not Prisma's: the refused connect.
    expect((err as { code?: string }).code).toBe('ECONNREFUSED')
    const app = toAppError(err, 'req-1')
    expect(app).toMatchObject({ status: 503, code: 'unavailable' })
    expect(app.headers?.['Retry-After']).toBe('5')
  })
})
