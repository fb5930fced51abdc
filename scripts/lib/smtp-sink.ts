import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'

export interface RunningSmtpSink {
  host: string
  port: number
  user: string
  password: string
  /** Each accepted message is written here as `<n>.eml` (raw RFC 5322, as received). */
  dir: string
  stop(): Promise<void>
}

/**
 * A real SMTP server (the `smtp-server` package) on loopback for the tests: it requires the
 * credentials the app is given (AUTH over plain text is fine on 127.0.0.1) and writes every
 * message to a folder, where integration and e2e tests read it back with a MIME parser.
 */
export async function startSmtpSink(opts: { port: number; dir: string; user?: string; password?: string }): Promise<RunningSmtpSink> {
  const user = opts.user ?? 'bachata-test'
  const password = opts.password ?? 'smtp-test-password'
  await mkdir(opts.dir, { recursive: true })
  let seq = 0
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    size: 1024 * 1024,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === password) cb(null, { user })
      else cb(new Error('Invalid username or password'))
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const file = path.join(opts.dir, `${Date.now()}-${String(++seq).padStart(4, '0')}.eml`)
        writeFile(file, Buffer.concat(chunks)).then(() => cb(), cb)
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  return {
    host: '127.0.0.1', port: opts.port, user, password, dir: opts.dir,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
