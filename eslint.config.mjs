import next from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

/**
 * The layering rule (docs/architecture.md), enforced on resolved paths so an alias, a
 * relative path and a dynamic import() are all caught the same way:
 *   engines   pure: data in, data out. No services, database, storage, HTTP, auth, Next.js.
 *   services  own the database and storage; never reach up into routes or components.
 *   shared    what every layer may use; never reaches up into services.
 *   nothing under lib/ or worker/ imports demo material (scripts/) or tests.
 *   the judge (lib/engines/judge) imports nothing of the choreography engine it judges but the
 *   blueprint contract, and the engine never imports the judge (it may not grade itself);
 *   the benchmark's baselines (tests/fixtures/baselines) share code with neither.
 */
const ENGINE_MESSAGE = 'Engines are pure (data in, data out): no services, Prisma, storage, HTTP, auth or next/*. Pass the data in instead.'
const JUDGE_MESSAGE = 'The judge re-derives everything from the analysis, the library and the blueprint: from the choreography engine it may import only the blueprint contract (blueprint-schema.ts).'
const BASELINE_MESSAGE = 'A baseline shares no code with the engine or the judge it is compared by (the blueprint contract and the dance vocabulary aside).'
const judgeZones = [
  { target: './lib/engines/judge', from: './lib/engines/choreography', except: ['./blueprint-schema.ts'], message: JUDGE_MESSAGE },
  { target: './lib/engines/choreography', from: './lib/engines/judge', message: 'The engine never imports its judge: it would be grading itself.' },
]
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
      ...judgeZones,
    ],
  }],
}
const baselines = {
  'import/no-restricted-paths': ['error', {
    zones: [
      { target: './tests/fixtures/baselines', from: './lib/engines/choreography', except: ['./blueprint-schema.ts'], message: BASELINE_MESSAGE },
      { target: './tests/fixtures/baselines', from: './lib/engines/judge', message: BASELINE_MESSAGE },
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
  { files: ['tests/fixtures/baselines/**/*.ts'], rules: baselines },
]

export default config
