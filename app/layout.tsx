import type { Metadata, Viewport } from 'next'
import { connection } from 'next/server'
import { SiteHeader } from '@/components/layout/site-header'
import { appUrl } from '@/lib/shared/env'
import './globals.css'

const DESCRIPTION = 'Turn a song and a sentence into a danceable bachata choreography video.'

export const metadata: Metadata = {
  metadataBase: appUrl(),
  title: { default: 'Bachata Buddy', template: '%s · Bachata Buddy' },
  description: DESCRIPTION,
  applicationName: 'Bachata Buddy',
  manifest: '/manifest.webmanifest',
  icons: {
    icon: [{ url: '/favicon.ico', sizes: '32x32' }, { url: '/favicon.svg', type: 'image/svg+xml' }],
    apple: '/apple-touch-icon.png',
  },
  openGraph: {
    type: 'website', siteName: 'Bachata Buddy', title: 'Bachata Buddy', description: DESCRIPTION,
    images: [{ url: '/og-image.jpg', width: 1200, height: 630, alt: 'Bachata Buddy: a song and a sentence in, a choreography video out' }],
  },
  twitter: { card: 'summary_large_image' },
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#be123c' }

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts);
  // a page prerendered at build time would have none, and the policy would block it.
  await connection()
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  )
}
