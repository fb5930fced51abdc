import pino from 'pino'

// Structured JSON logs. Secrets never reach a log line: redact the usual suspects
// wherever they appear in a logged object.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: { service: process.env.SERVICE_NAME ?? 'web' },
  redact: {
    paths: [
      'password', '*.password', 'passwordHash', '*.passwordHash', 'token', '*.token',
      'refreshToken', '*.refreshToken', 'accessToken', '*.accessToken', 'authorization',
      '*.authorization', 'headers.cookie', '*.headers.cookie', 'secret', '*.secret',
    ],
    censor: '[redacted]',
  },
})

export type Logger = typeof logger
