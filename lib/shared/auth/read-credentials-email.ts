import { EmailSchema } from '@/lib/shared/validation/auth'

/**
 * The email the browser sign-in will be checked against, read from the request exactly as
 * next-auth reads it (next-auth/next/utils getBody: a JSON body, or a form body where a
 * repeated field's last value wins; nothing else reaches the authenticator) and normalised as
 * the authenticator normalises it. A rate limit keyed on anything else can be stepped around
 * by sending a second `email` field or a JSON body.
 */
export async function readCredentialsEmail(req: Request): Promise<string> {
  const type = req.headers.get('content-type') ?? ''
  let body: unknown = null
  try {
    if (type.includes('application/json')) body = await req.clone().json()
    else if (type.includes('application/x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(await req.clone().text()))
  } catch {
    return ''
  }
  const raw = body && typeof body === 'object' ? (body as { email?: unknown }).email : undefined
  const parsed = EmailSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  return typeof raw === 'string' ? raw.trim().toLowerCase().slice(0, 254) : ''
}
