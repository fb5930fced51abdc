import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '@/scripts/lib/app-server'
import { startSmtpSink, type RunningSmtpSink } from '@/scripts/lib/smtp-sink'
import { listDevOutbox } from '@/lib/shared/mail/dev-outbox'
import { closeMailTransports, sendMail } from '@/lib/shared/mail/send-mail'
import { passwordResetEmail } from '@/lib/services/users/password-reset-email'
import { readMailTo, resetLinkIn } from '@/tests/fixtures/read-mail-sink'

const base = { MAIL_FROM: 'Bachata Buddy <no-reply@unit.test>', SMTP_PORT: 587, SMTP_SECURE: false } as const

describe('sendMail', () => {
  let sink: RunningSmtpSink
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bb-mail-'))
    sink = await startSmtpSink({ port: await freePort(), dir })
  })
  afterAll(async () => {
    closeMailTransports()
    await sink.stop()
    await rm(dir, { recursive: true, force: true })
  })

  const smtpEnv = () => ({ ...base, NODE_ENV: 'production' as const, SMTP_HOST: sink.host, SMTP_PORT: sink.port, SMTP_USER: sink.user, SMTP_PASSWORD: sink.password })

  it('delivers over SMTP with the configured credentials; the link survives MIME encoding', async () => {
    const link = `http://localhost:3000/reset-password#token=pr_${'a1B2-_'.repeat(7)}x`
    const to = 'rosa@unit.test'
    expect(await sendMail(passwordResetEmail({ to, name: 'Rosa', link }), smtpEnv())).toBe('smtp')
    const [mail] = await readMailTo(to, dir)
    expect(mail.subject).toMatch(/reset/i)
    expect(mail.from).toContain('no-reply@unit.test')
    expect(resetLinkIn(mail).toString()).toBe(link)
  })

  it('fails loudly when the server refuses the credentials', async () => {
    await expect(sendMail({ to: 'x@unit.test', subject: 's', text: 't' }, { ...smtpEnv(), SMTP_USER: 'intruder', SMTP_PORT: sink.port })).rejects.toThrow(/auth|invalid/i)
  })

  it('without SMTP: kept for the dev mailbox outside production, dropped (not kept) in production', async () => {
    const dev = { ...base, NODE_ENV: 'development' as const, SMTP_HOST: undefined, SMTP_USER: undefined, SMTP_PASSWORD: undefined }
    expect(await sendMail({ to: 'dev@unit.test', subject: 'dev one', text: 'hello' }, dev)).toBe('dev-outbox')
    expect(listDevOutbox()[0]).toMatchObject({ to: 'dev@unit.test', subject: 'dev one' })
    expect(await sendMail({ to: 'prod@unit.test', subject: 'prod one', text: 'secret link' }, { ...dev, NODE_ENV: 'production' })).toBe('dropped')
    expect(listDevOutbox().some((m) => m.to === 'prod@unit.test')).toBe(false)
  })
})
