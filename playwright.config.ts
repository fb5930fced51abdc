import { defineConfig, devices } from '@playwright/test'
import { BrowserMissingError, findBrowser } from './scripts/lib/find-browser'

// The browser: CHROMIUM_PATH, Playwright's own, the system chromium, then the one shipped in
// @sparticuz/chromium (scripts/lib/find-browser.ts). None at all: one line, not a stack trace.
// TEST_APP_URL comes from scripts/run-tests.ts, which starts the built app on a fresh database.
function browserLaunch() {
  try {
    return findBrowser().launch
  } catch (e) {
    if (!(e instanceof BrowserMissingError)) throw e
    console.error(e.message)
    process.exit(1)
  }
}

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json']],
  outputDir: 'test-results/playwright',
  use: {
    baseURL: process.env.TEST_APP_URL ?? 'http://localhost:3000',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...browserLaunch(),
          args: [
            '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--no-first-run',
          ],
        },
      },
    },
  ],
})
