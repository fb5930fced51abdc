import { expect, type Page } from '@playwright/test'

/** page.request shares the browser's cookies but, unlike the browser, sends no Origin; a
 * cookie-authenticated write needs one (lib/shared/http/handler.ts, assertSameOrigin). */
export const sameOrigin = () => ({ origin: new URL(process.env.TEST_APP_URL ?? 'http://localhost:3000').origin })

/** A new dancer, signed up through the form and landed on /home; returns the email. */
export async function signUp(page: Page, tag: string): Promise<string> {
  const email = `e2e-${tag}-${Date.now()}@test.bachata.buddy`
  await page.goto('/sign-up')
  await page.getByLabel('Name').fill('Ana')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('dance-all-night-42')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/home$/)
  return email
}

/** Full-page screenshots at desktop and phone width, each checked for sideways scrolling. */
export async function shoot(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 })
    await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true })
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}px`).toBeLessThanOrEqual(width)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** Signs in through the form as `email` (a demo account when given its role) and lands on /home. */
export async function signIn(page: Page, who: 'USER' | 'INSTRUCTOR' | 'ADMIN' | { email: string; password: string }) {
  const { DEMO_ACCOUNTS, DEMO_PASSWORD } = await import('../prisma/demo-accounts')
  const account = typeof who === 'string'
    ? { email: DEMO_ACCOUNTS.find((a) => a.role === who)!.email, password: DEMO_PASSWORD }
    : who
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/home$/)
}
