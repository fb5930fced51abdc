import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { authSecret, getEnv } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'
import { CredentialsSchema } from '@/lib/shared/validation/auth'
import { verifyCredentials } from '@/lib/shared/auth/verify-credentials'
import { createRefreshFamily, revokeRefreshFamily } from './refresh-tokens'

/**
 * Browser sessions: next-auth 4 Credentials + JWT strategy. The JWT sits in an encrypted,
 * http-only, SameSite=Lax cookie and names a refresh-token family ('browser' kind). Every
 * request re-checks that family and the user (loadSessionUser, cached per process for
 * SESSION_CACHE_SECONDS), so signing out, an admin disabling the account or a role change
 * takes effect at once on that instance and within the TTL on others. Sign-out revokes the family.
 */
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv()
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: env.REFRESH_TOKEN_TTL_SECONDS, updateAge: 3600 },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    useSecureCookies: env.APP_URL.startsWith('https://'),
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials) {
          const parsed = CredentialsSchema.safeParse({ email: credentials?.email, password: credentials?.password })
          if (!parsed.success) return null
          const user = await verifyCredentials(parsed.data.email, parsed.data.password)
          return user ? { id: user.id, email: user.email, name: user.name } : null
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const { familyId } = await createRefreshFamily(user.id, 'browser')
          token.uid = user.id
          token.fid = familyId
        }
        return token
      },
      async session({ session, token }) {
        // Only identifiers reach the client; role and profile are read server-side.
        return { ...session, user: { ...session.user, id: token.uid as string } }
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.fid) await revokeRefreshFamily(String(token.fid), 'sign-out')
      },
    },
    logger: {
      error: (code, meta) => logger.error({ code, meta }, 'next-auth error'),
      warn: (code) => logger.warn({ code }, 'next-auth warning'),
      debug: () => {},
    },
  }
}
