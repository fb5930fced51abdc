import type { Metadata, Viewport } from 'next'
import { SiteHeader } from '@/components/layout/site-header'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Bachata Buddy', template: '%s · Bachata Buddy' },
  description: 'Turn a song and a sentence into a danceable bachata choreography video.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default function RootLayout({ children }: { children: React.ReactNode }) {
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
