import { expect, test } from '@playwright/test'
import { shoot, signUp } from './helpers'

// Every page not covered by a flow test, at 1280 and 375 px, each checked for sideways scroll.
test('the public pages, the not-found page and the signed-in home and collections, at desktop and phone width', async ({ page }) => {
  for (const [path, name] of [['/', 'landing'], ['/sign-in', 'sign-in'], ['/sign-up', 'sign-up']] as const) {
    await page.goto(path)
    await expect(page.locator('main')).toBeVisible()
    await shoot(page, name)
  }
  const missing = await page.goto('/no-such-page')
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
  await shoot(page, 'not-found')
  await signUp(page, 'screens')
  await shoot(page, 'home')
  await page.goto('/collections')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await shoot(page, 'collections')
})
