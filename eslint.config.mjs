import next from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

/**
 * The layering rule (docs/architecture.md), enforced on resolved paths so an alias, a
 * relative path and a dynamic import() are all caught the same way:
 *   engines   pure: data in, data out. No services, database, storage, HTTP, auth, Next.js.
 *   services  own the database and storage; never reach up into routes or components.
 *   shared    what every layer may use; never reaches up into services.
 *   nothing under lib/ or worker/ imports demo material (scripts/) or tests.
 */
const ENGINE_MESSAGE = 'Engines are pure (data in, data out): no services, Prisma, storage, HTTP, auth or next/*. Pass the data in instead.'
const layering = {
  'import/no-restricted-paths': ['error', {
    zones: [
      {
        target: './lib/engines',
        from: ['./lib/services', './lib/shared/db.ts', './lib/shared/storage', './lib/shared/http', './lib/shared/auth', './lib/generated', './app', './components'],
        message: ENGINE_MESSAGE,
      },
      { target: './lib/services', from: ['./app', './components'], message: 'Services are called by routes, never the other way round.' },
      { target: './lib/shared', from: ['./lib/services', './app', './components'], message: 'shared/ sits below services: pass what it needs in.' },
      { target: ['./lib', './worker'], from: ['./scripts', './tests', './bench', './e2e'], message: 'Product code never imports demo or test material.' },
    ],
  }],
}
const enginePackages = {
  'no-restricted-imports': ['error', {
    patterns: [{
      group: ['next', 'next/*', 'next-auth', 'next-auth/*', '@prisma/*', 'pg', 'pg-boss', '@aws-sdk/*', 'busboy', 'react', 'react-dom'],
      message: ENGINE_MESSAGE,
    }],
  }],
}

const config = [
  ...next,
  ...nextTs,
  {
    ignores: ['.next/**', 'node_modules/**', 'lib/generated/**', 'infra/cdk.out/**', 'infra/node_modules/**', '.data/**', 'test-results/**', 'next-env.d.ts'],
  },
  {
    // Tests read untyped JSON from the wire (infra's: synthesized CloudFormation templates).
    files: ['tests/**', 'e2e/**', 'bench/**', 'infra/test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['lib/**/*.ts', 'lib/**/*.tsx', 'worker/**/*.ts'], rules: layering },
  { files: ['lib/engines/**/*.ts'], rules: enginePackages },
]

export default config
