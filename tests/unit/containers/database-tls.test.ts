import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { TLSSocket } from 'node:tls'
import { X509Certificate } from 'node:crypto'
import pg from 'pg'
import { parse } from 'pg-connection-string'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_TLS_PARAMS, RDS_CA_BUNDLE_PATH } from '@/infra/lib/database-url-command'
import { RDS_CA_BUNDLE, writeRdsCaBundle } from '@/scripts/lib/rds-ca-bundle'

/**
 * The database URL the infra builds in AWS (sslmode=verify-full&sslrootcert=<the images' RDS
 * CA bundle>) as node-postgres, the driver of the app, the worker and the migrations, reads it.
 * No TLS PostgreSQL here: a small server that answers PostgreSQL's SSLRequest and then shakes
 * hands with a certificate from a CA made for the test stands in for Aurora.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'bb-db-tls-'))
const file = (name: string) => path.join(dir, name)
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
const urlWithRoot = (host: string, port: number, root: string) =>
  `postgresql://app:pw@${host}:${port}/bachata?${DATABASE_TLS_PARAMS.replace(RDS_CA_BUNDLE_PATH, root)}`

let server: Server
let port = 0
let handshakes = 0
const bundle = file('rds-ca-bundle.pem')

beforeAll(() => {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=Test Database CA')
  openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'db.key', '-out', 'db.csr', '-subj', '/CN=localhost')
  writeFileSync(file('san.ext'), 'subjectAltName=DNS:localhost\n')
  openssl('x509', '-req', '-in', 'db.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-out', 'db.pem', '-extfile', 'san.ext')
  writeRdsCaBundle(bundle)
  const key = readFileSync(file('db.key'))
  const cert = readFileSync(file('db.pem'))
  server = createServer((socket) => {
    socket.on('error', () => {})
    socket.once('data', (msg) => {
      // SSLRequest: length 8, code 80877103. Answer 'S' and continue in TLS, then hang up.
      if (msg.length !== 8 || msg.readInt32BE(4) !== 80877103) return socket.destroy()
      socket.write('S')
      const tls = new TLSSocket(socket, { isServer: true, key, cert })
      tls.on('error', () => {})
      tls.on('secure', () => { handshakes += 1; tls.destroy() })
    })
  })
  return new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => { port = (server.address() as AddressInfo).port; resolve() }))
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

async function connectError(url: string): Promise<NodeJS.ErrnoException> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (e) {
    return e as NodeJS.ErrnoException
  } finally {
    await client.end().catch(() => {})
  }
  throw new Error('connected to a server that only hangs up')
}

describe('database TLS in AWS', () => {
  it('the images carry the RDS CAs where the URL names them', () => {
    expect(RDS_CA_BUNDLE_PATH).toBe(`/app/${RDS_CA_BUNDLE}`)
    const certs = readFileSync(bundle, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)!.map((c) => new X509Certificate(c))
    expect(certs.length).toBeGreaterThan(10)
    expect(certs.every((c) => c.ca)).toBe(true)
    expect(certs.some((c) => /Amazon RDS us-east-1 Root CA/.test(c.subject))).toBe(true)
  })

  it('node-postgres reads the URL as: the CA file as ssl.ca, certificates verified', () => {
    const cfg = parse(urlWithRoot('db.cluster-x.us-east-1.rds.amazonaws.com', 5432, bundle))
    const ssl = cfg.ssl as { ca?: string; rejectUnauthorized?: boolean }
    expect(ssl.ca).toBe(readFileSync(bundle, 'utf8'))
    expect(ssl.rejectUnauthorized ?? true).toBe(true)
    // What it replaced: encryption without verification.
    expect((parse('postgresql://a@h/d?sslmode=no-verify').ssl as { rejectUnauthorized?: boolean }).rejectUnauthorized).toBe(false)
  })

  it('a server whose certificate chains to the named CA and names the host: the handshake completes', async () => {
    const before = handshakes
    const err = await connectError(urlWithRoot('localhost', port, file('ca.pem')))
    expect(handshakes).toBe(before + 1)
    expect(err.message).toMatch(/terminated/i)
  })

  it('a certificate from any other CA is refused (here: the RDS bundle does not vouch for the test CA)', async () => {
    const before = handshakes
    const err = await connectError(urlWithRoot('localhost', port, bundle))
    expect(err.code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/)
    expect(handshakes).toBe(before)
  })

  it('verify-full: a valid certificate for another name is refused', async () => {
    const err = await connectError(urlWithRoot('127.0.0.1', port, file('ca.pem')))
    expect(err.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID')
  })
})
