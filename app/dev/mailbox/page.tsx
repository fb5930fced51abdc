import { notFound } from 'next/navigation'
import { connection } from 'next/server'
import { devMailboxEnabled, listDevOutbox } from '@/lib/shared/mail/dev-outbox'
import { getEnv } from '@/lib/shared/env'

export const metadata = { title: 'Dev mailbox', robots: { index: false } }

/**
 * The last mails this server sent, for development without a mail server. It shows reset
 * links for any account, so it exists only when NODE_ENV is not production (read at run
 * time: a production build served with NODE_ENV=production answers 404).
 */
export default async function DevMailboxPage() {
  await connection() // per request: never prerendered at build time
  if (!devMailboxEnabled(getEnv().NODE_ENV)) notFound()
  const messages = listDevOutbox()
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Dev mailbox</h1>
      <p className="text-sm text-stone-600">The last {messages.length} messages this server sent (kept in memory; newest first). Not available in production.</p>
      {messages.length === 0 && <p>No mail yet.</p>}
      <ol className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="text-sm text-stone-600">To <strong className="break-all">{m.to}</strong> · {m.sentAt.toISOString()}</p>
            <h2 className="font-semibold">{m.subject}</h2>
            <pre className="mt-2 whitespace-pre-wrap break-all text-sm">{m.text}</pre>
          </li>
        ))}
      </ol>
    </div>
  )
}
