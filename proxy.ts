import { randomBytes } from 'node:crypto'
import { NextResponse, type NextRequest } from 'next/server'
import { buildContentSecurityPolicy, storageOrigins } from '@/lib/shared/http/content-security-policy'

/**
 * Next 16's proxy (formerly middleware): a fresh nonce and Content Security Policy for every
 * page. The policy goes on the request too, because that is where Next reads the nonce to put
 * on its own scripts (the pages render per request for it: app/layout.tsx). API answers are
 * JSON and get no policy (the matcher skips them, so their bodies stream untouched).
 */
export function proxy(request: NextRequest) {
  const nonce = randomBytes(16).toString('base64')
  const appUrl = process.env.APP_URL ?? request.nextUrl.origin
  const policy = buildContentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === 'development',
    https: appUrl.startsWith('https://'),
    storageOrigins: storageOrigins({
      STORAGE_DRIVER: process.env.STORAGE_DRIVER, S3_ENDPOINT: process.env.S3_ENDPOINT,
      S3_BUCKET: process.env.S3_BUCKET, S3_REGION: process.env.S3_REGION,
    }),
  })
  const headers = new Headers(request.headers)
  headers.set('x-nonce', nonce)
  headers.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', policy)
  return response
}

export const config = {
  matcher: [
    {
      // Pages only: not the API, Next's static files, or public files (they have an extension).
      source: '/((?!api/|_next/static|_next/image|.*\\.[a-z0-9]+$).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
}
