import pino from 'pino'

// Structured JSON logs. Secrets never reach a log line: redact the usual suspects (passwords,
// tokens, cookies, signed URLs) wherever they appear in a logged object. Request lines log the
// path without its query (signed URLs carry their signature there) and without share tokens;
// tests/integration/log-secrets.test.ts searches a real run's log for every secret it used.
const options: pino.LoggerOptions = {
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { service: process.env.SERVICE_NAME ?? 'web' },
  redact: {
    paths: [
      'password', '*.password', 'passwordHash', '*.passwordHash', 'newPassword', '*.newPassword',
      'currentPassword', '*.currentPassword', 'token', '*.token',
      'refreshToken', '*.refreshToken', 'accessToken', '*.accessToken', 'sessionToken', '*.sessionToken',
      'csrfToken', '*.csrfToken', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
      'cookie', '*.cookie', 'headers.cookie', '*.headers.cookie', 'headers["set-cookie"]', '*.headers["set-cookie"]',
      'secret', '*.secret', 'credentials', '*.credentials', 'signedUrl', '*.signedUrl', 'location', 'headers.location',
      '*.headers.location',
    ],
    censor: '[redacted]',
  },
}

/** The app's logger; a destination only in tests (to read what it writes). */
export function createLogger(destination?: pino.DestinationStream) {
  return destination ? pino(options, destination) : pino(options)
}

export const logger = createLogger()

export type Logger = typeof logger
