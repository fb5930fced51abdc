import NextAuth from 'next-auth'
import type { NextRequest } from 'next/server'
import { getAuthOptions } from '@/lib/shared/auth/next-auth-options'
import { getEnv } from '@/lib/shared/env'
import { AppError } from '@/lib/shared/errors'
import { errorResponse } from '@/lib/shared/http/error-response'
import { readCredentialsEmail } from '@/lib/shared/auth/read-credentials-email'
import { bufferNextAuthBody } from '@/lib/shared/auth/buffer-next-auth-body'
import { isPlainTextRefusal, refuseNextAuthRequest } from '@/lib/shared/auth/next-auth-actions'
import { clientIp, limitSignIn } from '@/lib/shared/http/rate-limit'
import { otherMethods } from '@/lib/shared/http/other-methods'

type Ctx = { params: Promise<{ nextauth: string[] }> }

async function nextAuth(req: NextRequest, ctx: Ctx) {
  const refused = await refuseNextAuthRequest(req, (await ctx.params).nextauth)
  if (refused) return errorResponse(refused, crypto.randomUUID())
  const res: Response = await NextAuth(getAuthOptions())(req, ctx)
  return isPlainTextRefusal(res) ? errorResponse(AppError.badRequest('The sign-in request was not understood'), crypto.randomUUID()) : res
}

export const GET = nextAuth

/** Browser sign-in goes through next-auth; it is rate limited here like POST /api/auth/token
 * (per address + email, and per address), keyed on the email next-auth will check. The body keeps a `url` because next-auth's client reads one.
 * The body is read first, bounded (413, 408), so nothing below reads an unbounded one. */
export async function POST(received: NextRequest, ctx: Ctx) {
  let req: NextRequest
  try {
    req = await bufferNextAuthBody(received)
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    return errorResponse(e, crypto.randomUUID())
  }
  const { nextauth } = await ctx.params
  if (nextauth.join('/') === 'callback/credentials') {
    const email = await readCredentialsEmail(req)
    const ip = clientIp(req.headers)
    try {
      await limitSignIn(ip, email)
    } catch (e) {
      if (!(e instanceof AppError)) throw e
      const res = errorResponse(e, crypto.randomUUID())
      const body = await res.json()
      return Response.json({ ...body, url: `${getEnv().APP_URL}/sign-in?error=RateLimited` }, {
        status: 429, headers: res.headers,
      })
    }
  }
  return nextAuth(req, ctx)
}

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(['GET', 'POST'])
