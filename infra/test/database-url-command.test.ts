import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { wrapCommand, wrapCommandString } from '../lib/database-url-command'

/** Runs the wrapper for real (sh + node, as in the images) and prints what the app would see. */
const PRINT = ['node', '-e', 'process.stdout.write(JSON.stringify({ url: process.env.DATABASE_URL, secret: process.env.DB_SECRET ?? null, argv: process.argv.slice(1) }))', 'extra arg']
const SECRET = { username: 'bachata', password: 'p@ss:w/rd?#%', host: 'db.cluster-abc.us-east-1.rds.amazonaws.com', port: 5432, dbname: 'bachata', engine: 'postgres' }

describe('DATABASE_URL wrapper', () => {
  it('builds a percent-encoded TLS URL from the RDS JSON secret and execs the command with its arguments', () => {
    const [cmd, ...args] = wrapCommand(PRINT)
    const out = JSON.parse(execFileSync(cmd, args, { env: { PATH: process.env.PATH, DB_SECRET: JSON.stringify(SECRET) } }).toString())
    expect(out.url).toBe('postgresql://bachata:p%40ss%3Aw%2Frd%3F%23%25@db.cluster-abc.us-east-1.rds.amazonaws.com:5432/bachata?sslmode=verify-full&sslrootcert=/app/certs/rds-ca-bundle.pem')
    expect(new URL(out.url).password).toBe(encodeURIComponent(SECRET.password))
    expect(decodeURIComponent(new URL(out.url).password)).toBe(SECRET.password)
    // The JSON (with the password in clear) doesn't linger in the app's environment.
    expect(out.secret).toBeNull()
    expect(out.argv).toEqual(['extra arg'])
  })

  it('App Runner\'s single start-command string does the same once a shell splits it', () => {
    const out = JSON.parse(execFileSync('sh', ['-c', wrapCommandString(PRINT)], { env: { PATH: process.env.PATH, DB_SECRET: JSON.stringify(SECRET) } }).toString())
    expect(out.url).toContain('bachata:p%40ss')
    expect(out.argv).toEqual(['extra arg'])
  })

  it('refuses to start the app when the secret is missing', () => {
    const [cmd, ...args] = wrapCommand(PRINT)
    expect(() => execFileSync(cmd, args, { env: { PATH: process.env.PATH }, stdio: 'pipe' })).toThrow()
  })
})
