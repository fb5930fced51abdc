import { expect, test, type Page } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../prisma/demo-accounts'
import { resetLinkIn, waitForMail } from '../tests/fixtures/read-mail-sink'
import { shoot, signUp } from './helpers'

const PASSWORD = 'dance-all-night-42' // what signUp uses

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('the profile sets name and preferences, and /generate starts from them', async ({ page }) => {
  await signUp(page, 'profile')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click()
  await expect(page).toHaveURL(/\/profile$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible()

  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ana María')
  await page.getByLabel('Default level').selectOption('beginner')
  await page.getByLabel('Default style').selectOption('sensual')
  await page.getByLabel('Default length (seconds)').fill('90')
  await page.getByLabel(/count overlay/).uncheck()
  await page.getByRole('button', { name: 'Save profile' }).click()
  await expect(page.getByRole('form', { name: 'Name and preferences' }).getByRole('status')).toHaveText('Saved.')
  await shoot(page, 'profile')

  // Kept: a fresh load shows what was saved.
  await page.reload()
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Ana María')
  await expect(page.getByLabel('Default level')).toHaveValue('beginner')
  await expect(page.getByLabel('Default length (seconds)')).toHaveValue('90')
  await expect(page.getByLabel(/count overlay/)).not.toBeChecked()

  await page.goto('/generate')
  await expect(page.getByTestId('defaults-note')).toContainText('level beginner')
  await expect(page.getByTestId('defaults-note')).toContainText('style sensual')
  await expect(page.getByTestId('defaults-note')).toContainText('length 90 s')
  // A request that names no level, style or length: the chips start from the profile.
  await page.getByLabel('Your request').fill('romantic routine with some turns')
  await page.getByRole('button', { name: 'Read my request' }).click()
  await expect(page.getByRole('combobox', { name: 'Level' })).toHaveValue('beginner')
  await expect(page.getByRole('combobox', { name: 'Style' })).toHaveValue('sensual')
  await expect(page.getByLabel('Length in seconds')).toHaveValue('90')
  await expect(page.getByTestId('defaults-applied')).toContainText('from your profile')
  // What the request says wins over the default.
  await page.getByLabel('Your request').fill('advanced routine with some turns, one minute')
  await page.getByRole('button', { name: 'Read it again' }).click()
  await expect(page.getByRole('combobox', { name: 'Level' })).toHaveValue('advanced')
  await expect(page.getByLabel('Length in seconds')).toHaveValue('60')
  await expect(page.getByRole('combobox', { name: 'Style' })).toHaveValue('sensual')
})

test('an instructor edits the profile shown with their class plans', async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.find((a) => a.role === 'INSTRUCTOR')!.email, DEMO_PASSWORD)
  await expect(page).toHaveURL(/\/home$/)
  await page.goto('/profile')
  const form = page.getByRole('form', { name: 'Instructor profile' })
  await form.getByLabel('School').fill('Casa del Son, Valencia')
  await form.getByLabel('Bio').fill('Bachata sensual and traditional, ten years of teaching.')
  while (await form.getByRole('button', { name: /^Remove link/ }).count()) await form.getByRole('button', { name: /^Remove link/ }).first().click()
  await form.getByRole('button', { name: 'Add a link' }).click()
  await form.getByLabel('Link 1 label').fill('Website')
  await form.getByLabel('Link 1 address').fill('javascript:alert(1)')
  await form.getByRole('button', { name: 'Save instructor profile' }).click()
  await expect(form.getByText('must start with http:// or https://', { exact: true })).toBeVisible()
  await form.getByLabel('Link 1 address').fill('https://casa-del-son.example/classes')
  await form.getByRole('button', { name: 'Save instructor profile' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved.')
  await page.reload()
  await expect(form.getByLabel('School')).toHaveValue('Casa del Son, Valencia')
  await expect(form.getByLabel('Link 1 address')).toHaveValue('https://casa-del-son.example/classes')
  await shoot(page, 'profile-instructor')
})

test('changing the password needs the current one, keeps this browser signed in and signs out the others', async ({ page, browser }) => {
  const email = await signUp(page, 'chpw')
  // A second device, signed in with the same account.
  const other = await browser.newContext()
  const otherPage = await other.newPage()
  await signIn(otherPage, email, PASSWORD)
  await expect(otherPage).toHaveURL(/\/home$/)

  await page.goto('/profile')
  const form = page.getByRole('form', { name: 'Change password' })
  await form.getByLabel('Current password').fill('not-my-password')
  await form.getByRole('textbox', { name: 'New password' }).fill('a-new-passphrase-11')
  await form.getByRole('button', { name: 'Change password' }).click()
  await expect(form.getByText('is not correct', { exact: true })).toBeVisible()

  await form.getByLabel('Current password').fill(PASSWORD)
  await form.getByRole('textbox', { name: 'New password' }).fill('a-new-passphrase-11')
  await form.getByRole('button', { name: 'Change password' }).click()
  await expect(form.getByRole('status')).toContainText('Password changed')

  // This browser is still signed in (a new session cookie came with the answer)…
  await page.goto('/home')
  await expect(page).toHaveURL(/\/home$/)
  // …the other device is not.
  await otherPage.goto('/home')
  await expect(otherPage).toHaveURL(/\/sign-in/)
  await other.close()

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/$/)
  await signIn(page, email, PASSWORD)
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText('Wrong email or password.')
  await signIn(page, email, 'a-new-passphrase-11')
  await expect(page).toHaveURL(/\/home$/)
})

test('forgot password: the mail arrives over SMTP, its link sets a new password once', async ({ page }) => {
  const email = await signUp(page, 'forgot')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page).toHaveURL(/\/$/)

  await page.goto('/sign-in')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(page).toHaveURL(/\/forgot-password$/)
  await shoot(page, 'forgot-password')
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send me a reset link' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText('If an account uses that email')
  await shoot(page, 'forgot-password-sent')

  const link = resetLinkIn(await waitForMail(email, { subject: /reset/i }))
  await page.goto(link.toString())
  await expect(page.getByRole('heading', { level: 1, name: 'Set a new password' })).toBeVisible()
  await shoot(page, 'reset-password')
  await page.getByRole('textbox', { name: 'New password' }).fill('short')
  await page.getByRole('button', { name: 'Set new password' }).click()
  await expect(page.getByText('must be at least 10 characters', { exact: true })).toBeVisible()
  await page.getByRole('textbox', { name: 'New password' }).fill('reset-by-mail-2026')
  await page.getByRole('button', { name: 'Set new password' }).click()
  await expect(page.getByRole('main').getByRole('status')).toContainText('Your password is set')
  await shoot(page, 'reset-password-done')

  // The same link a second time is refused.
  await page.goto('about:blank')
  await page.goto(link.toString())
  await page.getByRole('textbox', { name: 'New password' }).fill('another-password-99')
  await page.getByRole('button', { name: 'Set new password' }).click()
  await expect(page.getByRole('form', { name: 'Set a new password' }).getByRole('alert')).toContainText('invalid or has expired')

  await signIn(page, email, PASSWORD)
  await expect(page.getByRole('form', { name: 'Sign in' }).getByRole('alert')).toHaveText('Wrong email or password.')
  await signIn(page, email, 'reset-by-mail-2026')
  await expect(page).toHaveURL(/\/home$/)
})
