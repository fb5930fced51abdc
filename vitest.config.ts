import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

// Unit tests run anywhere; integration tests need TEST_APP_URL/DATABASE_URL, which
// scripts/run-tests.ts provides after it has started Postgres and the built app.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts', 'lib/**/*.test.ts', 'worker/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
