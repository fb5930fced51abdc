import { expect, test, type Page } from '@playwright/test'
import { signIn } from './helpers'

/** The nonce the response's policy names for scripts. */
function scriptNonce(policy: string | null): string {
  const m = policy?.match(/script-src ([^;]*)/)
  expect(m, `a script-src in ${policy}`).toBeTruthy()
  expect(m![1]).not.toContain('unsafe-inline')
  return m![1].match(/'nonce-([^']+)'/)![1]
}

/** Everything the browser reports as blocked by the policy while `run` goes on. */
async function violations(page: Page, run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = []
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.push(m.text())
  }
  page.on('console', onConsole)
  try {
    await run()
  } finally {
    page.off('console', onConsole)
  }
  return seen
}

test('pages carry a fresh nonce on every script, and run with nothing blocked', async ({ page }) => {
  const first = await page.goto('/')
  const nonce = scriptNonce(first!.headers()['content-security-policy'])
  // Every script of the page carries this response's nonce (Next puts it on its own).
  const nonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce))
  expect(nonces.length).toBeGreaterThan(0)
  expect(new Set(nonces)).toEqual(new Set([nonce]))
  const second = await page.goto('/')
  expect(scriptNonce(second!.headers()['content-security-policy'])).not.toBe(nonce)

  // The app still works under the policy: sign in through the form, use client pages.
  const blocked = await violations(page, async () => {
    await signIn(page, 'USER')
    for (const path of ['/generate', '/moves', '/choreographies', '/collections']) {
      await page.goto(path)
      await expect(page.locator('main h1').first()).toBeVisible()
    }
  })
  expect(blocked).toEqual([])
})

test('an injected inline script (an event handler in markup) is blocked and reported', async ({ page }) => {
  await page.goto('/sign-in')
  const result = await page.evaluate(() => new Promise<{ directive: string; ran: boolean }>((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      setTimeout(() => resolve({ directive: e.violatedDirective, ran: (window as { __xss?: number }).__xss === 1 }), 100)
    }, { once: true })
    document.body.insertAdjacentHTML('beforeend', '<img alt="" src="/no-such-image.png" onerror="window.__xss = 1">')
  }))
  expect(result.ran).toBe(false)
  expect(result.directive).toMatch(/^script-src/)
})

test('API answers are JSON and carry no page policy', async ({ request }) => {
  const res = await request.get('/api/health')
  expect(res.headers()['content-security-policy']).toBeUndefined()
})
