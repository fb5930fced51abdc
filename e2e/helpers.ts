import { expect, type Page } from '@playwright/test'

/** A fresh dancer account, signed in (lands on /home). */
export async function signUp(page: Page, tag: string) {
  await page.goto('/sign-up')
  await page.getByLabel('Name').fill('Ana')
  await page.getByLabel('Email').fill(`e2e-${tag}-${Date.now()}@test.bachata.buddy`)
  await page.getByLabel('Password').fill('dance-all-night-42')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/home$/)
}

/** Screenshots at desktop and phone width, and nothing wider than the screen on either. */
export async function shoot(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 })
    await page.screenshot({ path: `test-results/screenshots/${name}-${width}.png`, fullPage: true })
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}px`).toBeLessThanOrEqual(width)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}
