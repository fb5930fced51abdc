import { expect, test } from '@playwright/test'

test('sign up, sign out, sign in, see the signed-in home', async ({ page }) => {
  const email = `e2e-${Date.now()}@test.bachata.buddy`
  const password = 'dance-all-night-42'

  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toContainText('bachata choreography')
  await page.getByRole('link', { name: 'Get started' }).click()

  await expect(page).toHaveURL(/\/sign-up$/)
  // The server explains what is wrong, next to the field.
  await page.getByLabel('Name').fill('Lucía')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('short')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByText('must be at least 10 characters')).toBeVisible()

  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/home$/)
  await expect(page.getByRole('heading', { name: 'Welcome, Lucía!' })).toBeVisible()

  const cookies = await page.context().cookies()
  const session = cookies.find((c) => c.name.endsWith('next-auth.session-token'))
  expect(session?.httpOnly).toBe(true)
  expect(session?.sameSite).toBe('Lax')

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/$/)
  await page.goto('/home')
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fhome|\/sign-in\?callbackUrl=\/home/)

  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('wrong-password-000')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText('Wrong email or password.')

  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/home$/)
  await expect(page.getByRole('heading', { name: 'Welcome, Lucía!' })).toBeVisible()
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible()
})

test('the old session cookie is useless after sign-out', async ({ page, context }) => {
  const email = `e2e-revoke-${Date.now()}@test.bachata.buddy`
  await page.goto('/sign-up')
  await page.getByLabel('Name').fill('Marco')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('dance-all-night-42')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page).toHaveURL(/\/home$/)
  const stolen = (await context.cookies()).filter((c) => c.name.includes('next-auth'))

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/$/)
  // Replaying the cookie captured before sign-out must not sign anyone in.
  await context.addCookies(stolen)
  const res = await page.request.get('/api/me')
  expect(res.status()).toBe(401)
  await page.goto('/home')
  await expect(page).toHaveURL(/\/sign-in/)
})
