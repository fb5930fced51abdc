import { describe, expect, it } from 'vitest'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
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

  it('leaves ordinary failures alone', () => {
    expect(isDatabaseDown(new Error('boom'))).toBe(false)
    expect(isDatabaseDown(AppError.notFound())).toBe(false)
    expect(toAppError(new TypeError('x is undefined'), 'r').status).toBe(500)
  })
})
