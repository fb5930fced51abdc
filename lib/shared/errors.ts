/**
 * The one error type of the app. Anything thrown as an AppError reaches the client as
 * `{ error: { code, message, fields? } }` with its status; anything else becomes a
 * generic 500 whose details stay in the log.
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'method_not_allowed'
  | 'request_timeout'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'range_not_satisfiable'
  | 'rate_limited'
  /** A per-user quota (lib/services/quotas): storage 413, renders in flight 429. */
  | 'storage_quota_exceeded'
  | 'render_quota_exceeded'
  | 'unavailable'
  /** The object store (S3) cannot be reached: the server's problem, retry shortly. */
  | 'storage_unavailable'
  /** A song whose beat analysis is still running (409, retry) or ended without a beat grid (422). */
  | 'song_not_ready'
  | 'song_analysis_failed'
  /** A render's input can never render (bad blueprint, missing clip): not retried. */
  | 'render_input_invalid'
  | 'render_input_unsafe_key'
  | 'internal'

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number,
    readonly fields?: Record<string, string[]>,
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }

  static badRequest(message: string, fields?: Record<string, string[]>) {
    return new AppError('bad_request', message, 400, fields)
  }
  static validation(message: string, fields?: Record<string, string[]>) {
    return new AppError('validation_failed', message, 422, fields)
  }
  static unauthenticated(message = 'Sign in required') {
    return new AppError('unauthenticated', message, 401)
  }
  static forbidden(message = 'You do not have permission to do that') {
    return new AppError('forbidden', message, 403)
  }
  static notFound(what = 'Resource') {
    return new AppError('not_found', `${what} not found`, 404)
  }
  static conflict(message: string) {
    return new AppError('conflict', message, 409)
  }
  /** The body stopped arriving or took too long: the client may retry on a better link. */
  static requestTimeout(message: string) {
    return new AppError('request_timeout', message, 408)
  }
  static tooLarge(message: string) {
    return new AppError('payload_too_large', message, 413)
  }
  static unsupportedMedia(message: string) {
    return new AppError('unsupported_media_type', message, 415)
  }
  /** A dependency (the database) is down: nothing was done, retry shortly. */
  static unavailable(message = 'The service is briefly unavailable, try again in a few seconds', retryAfterSeconds = 5) {
    return new AppError('unavailable', message, 503, undefined, { 'Retry-After': String(retryAfterSeconds) })
  }
  /** The object store is down or failing: nothing was stored, retry shortly. */
  static storageUnavailable(detail: string, retryAfterSeconds = 5) {
    return new AppError('storage_unavailable', `Storage is unavailable (${detail})`, 503, undefined, {
      'Retry-After': String(retryAfterSeconds),
    })
  }
  static rateLimited(retryAfterSeconds: number) {
    return new AppError('rate_limited', 'Too many requests, try again later', 429, undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    })
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError
}
