import { ZodError } from 'zod'
import { Prisma } from '@/lib/shared/db'
import { AppError } from '@/lib/shared/errors'
import { logger } from '@/lib/shared/logger'

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string[]>; requestId?: string }
}

/** zod issues → { "a.b": ["message"] } (the root is reported as "_"). */
export function zodFields(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_'
    ;(fields[key] ??= []).push(issue.message)
  }
  return fields
}

/** Maps anything thrown to an AppError; unknown errors are logged in full and become a bland 500. */
export function toAppError(e: unknown, requestId: string): AppError {
  if (e instanceof AppError) return e
  if (e instanceof ZodError) return AppError.validation('Invalid input', zodFields(e))
  if (isDatabaseDown(e)) {
    logger.warn({ requestId, err: { name: (e as Error).name, code: (e as { code?: string }).code } }, 'database unavailable')
    return AppError.unavailable()
  }
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    if (e.code === 'P2025') return AppError.notFound()
    if (e.code === 'P2002') return AppError.conflict('That already exists')
    if (e.code === 'P2003') return AppError.validation('A referenced record does not exist')
  }
  logger.error({ err: e, requestId }, 'unhandled error')
  return new AppError('internal', 'Something went wrong on our side', 500)
}

/** Prisma's "cannot reach / lost / pool exhausted" codes and pg's connection failures: the
 * request did nothing, so 503 + Retry-After tells clients (and load balancers) to come back. */
const DB_DOWN_PRISMA = new Set(['P1000', 'P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037'])
const DB_DOWN_PG = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300', '08006', '08001'])
/** pg's own errors for a connection that died: plain Errors without a code. "not queryable"
 * is what a pooled client whose server restarted says to its next query (fault-postgres-restart). */
const DB_DOWN_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|is not queryable/i
/** The kinds Prisma's driver adapter gives a connection failure (a raw query while the server is
 * stopped says `DatabaseNotReachable`, with no code: seen in fault-postgres-restart.test.ts). */
const DB_DOWN_KIND = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'])

export function isDatabaseDown(e: unknown): boolean {
  if (e instanceof Prisma.PrismaClientInitializationError) return true
  if (e instanceof Prisma.PrismaClientKnownRequestError && DB_DOWN_PRISMA.has(e.code)) return true
  // Other Prisma codes may still carry the driver's error (meta.driverAdapterError): look in.
  for (let c: unknown = e, depth = 0; c && typeof c === 'object' && depth < 6; c = next(c), depth++) {
    const { code, originalCode, message, originalMessage, kind } = c as Record<string, unknown>
    if (typeof kind === 'string' && DB_DOWN_KIND.has(kind)) return true
    if ([code, originalCode].some((x) => typeof x === 'string' && DB_DOWN_PG.has(x))) return true
    if ([message, originalMessage].some((x) => DB_DOWN_MESSAGE.test(String(x ?? '')))) return true
  }
  return false
}

function next(c: object): unknown {
  const { cause, meta } = c as { cause?: unknown; meta?: { driverAdapterError?: unknown } }
  return cause ?? meta?.driverAdapterError
}

export function errorResponse(err: AppError, requestId: string): Response {
  const body: ErrorBody = {
    error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), requestId },
  }
  return Response.json(body, { status: err.status, headers: { ...err.headers, 'x-request-id': requestId } })
}
