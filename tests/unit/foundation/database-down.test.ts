import { describe, expect, it } from 'vitest'
import { PrismaPg } from '@prisma/adapter-pg'
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client'
import { AppError } from '@/lib/shared/errors'
import { errorResponse, isDatabaseDown, toAppError } from '@/lib/shared/http/error-response'

describe('a database that cannot be reached is a 503, not a 500', () => {
  it('maps the real error of a refused connection to 503 with Retry-After', async () => {
    // Port 1 on loopback: nothing listens, the connect is refused at once.
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: 'postgresql://x@127.0.0.1:1/none', connectionTimeoutMillis: 2_000 }) })
    const err = await db.user.count().then(() => null, (e: unknown) => e)
    await db.$disconnect().catch(() => {})
    expect(err).toBeTruthy()
    expect(isDatabaseDown(err)).toBe(true)
    const app = toAppError(err, 'req-1')
    expect(app.status).toBe(503)
    const res = errorResponse(app, 'req-1')
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('5')
    expect((await res.json()).error.code).toBe('unavailable')
  })

  it('maps pg\'s "not queryable" (a pooled connection that died with its server) to 503', () => {
    // pg/lib/client.js's own words, without a code; the real one is seen in fault-postgres-restart.test.ts.
    for (const message of ['Client has encountered a connection error and is not queryable', 'Client was closed and is not queryable']) {
      expect(toAppError(new Error(message), 'r')).toMatchObject({ status: 503, code: 'unavailable' })
    }
  })

  it('looks into the driver error a Prisma known-request error carries', () => {
    const wrapped = new Prisma.PrismaClientKnownRequestError('Raw query failed', {
      code: 'P2010', clientVersion: 'test', meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57P01', originalMessage: 'terminating connection due to administrator command' } } },
    })
    expect(isDatabaseDown(wrapped)).toBe(true)
    // What a raw query says while the server is stopped: a kind, no code, no pg message.
    const unreachable = new Prisma.PrismaClientKnownRequestError("Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:5432`", {
      code: 'P2010', clientVersion: 'test', meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 } } },
    })
    expect(toAppError(unreachable, 'r')).toMatchObject({ status: 503, code: 'unavailable' })
    expect(isDatabaseDown(new Prisma.PrismaClientKnownRequestError('Unique', { code: 'P2002', clientVersion: 'test' }))).toBe(false)
  })

  it('leaves ordinary failures alone', () => {
    expect(isDatabaseDown(new Error('boom'))).toBe(false)
    expect(isDatabaseDown(AppError.notFound())).toBe(false)
    expect(toAppError(new TypeError('x is undefined'), 'r').status).toBe(500)
  })
})
