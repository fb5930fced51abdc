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
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    if (e.code === 'P2025') return AppError.notFound()
    if (e.code === 'P2002') return AppError.conflict('That already exists')
    if (e.code === 'P2003') return AppError.validation('A referenced record does not exist')
  }
  logger.error({ err: e, requestId }, 'unhandled error')
  return new AppError('internal', 'Something went wrong on our side', 500)
}

export function errorResponse(err: AppError, requestId: string): Response {
  const body: ErrorBody = {
    error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), requestId },
  }
  return Response.json(body, { status: err.status, headers: { ...err.headers, 'x-request-id': requestId } })
}
