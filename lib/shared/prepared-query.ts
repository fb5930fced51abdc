import pg from 'pg'
import { getPool } from '@/lib/shared/db'

/**
 * The few reads every request makes (the session check, the status poll, the move search's
 * rows), sent straight through the pool Prisma uses, as named prepared statements: Prisma
 * compiles each query in its wasm engine first, which cost more CPU than the read itself
 * (measured: a third of a status read). A named statement is parsed and planned by Postgres
 * once per connection; later uses send only its values.
 *
 * Rows come back as Prisma's would for the same columns: strings, numbers, booleans, parsed
 * JSON, arrays, and DateTime columns (timestamp(3) without time zone, stored in UTC) as Dates
 * in UTC, whatever the server's time zone. Errors are pg's own; toAppError maps a database
 * that cannot be reached to 503 as it does for Prisma's (lib/shared/http/error-response.ts).
 */
export interface PreparedStatement {
  /** Unique per distinct text: Postgres keeps one plan per name on each connection. */
  name: string
  text: string
}

const TIMESTAMP_WITHOUT_TZ = 1114
const PLAIN_TIMESTAMP = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/

/** '2026-12-06 00:10:43.123' is UTC (Prisma writes it so): pg's default reads it as local time. */
export function parseUtcTimestamp(text: string): Date {
  return PLAIN_TIMESTAMP.test(text) ? new Date(`${text.replace(' ', 'T')}Z`) : new Date(Date.parse(`${text} UTC`))
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_WITHOUT_TZ && format !== 'binary' ? parseUtcTimestamp : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

export async function preparedQuery<R extends object>(statement: PreparedStatement, values: unknown[]): Promise<R[]> {
  const result = await getPool().query<R>({ name: statement.name, text: statement.text, values, types })
  return result.rows
}
