import { expect, test } from '@playwright/test'
import { DEMO_ACCOUNTS } from '../prisma/demo-accounts'
import { shoot, signIn } from './helpers'

const admin = DEMO_ACCOUNTS.find((a) => a.role === 'ADMIN')!

test('an admin promotes a dancer to instructor, who then has the admin section; a dancer gets the 403 page', async ({ page, browser }) => {
  // A dancer registers (through the API, from this browser context).
  const email = `e2e-promote-${Date.now()}@test.bachata.buddy`
  const reg = await page.request.post('/api/auth/register', { data: { email, password: 'dance-all-night-42', name: 'Promo' } })
  expect(reg.status()).toBe(201)

  await signIn(page, 'ADMIN')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click()
  await expect(page.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible()
  await shoot(page, 'admin-overview')
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' }).click()
  await page.getByLabel('Search users').fill(email)
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByText('1 user')).toBeVisible()
  await shoot(page, 'admin-users')

  const role = page.getByLabel(`Role of ${email}`)
  await expect(role).toHaveValue('USER')
  // Reload only once the change is saved: a reload that races the PATCH aborts it (seen under load).
  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/admin/users/'))
  await role.selectOption('INSTRUCTOR')
  expect((await saved).status()).toBe(200)
  await page.reload()
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue('INSTRUCTOR')
  // The admin's own row cannot be changed.
  await page.getByLabel('Search users').fill(admin.email)
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByLabel(`Role of ${admin.email}`)).toBeDisabled()

  // Before the promotion took effect elsewhere: a dancer, signed in fresh, is refused /admin
  // by the server with the 403 page, and so is every admin API behind it.
  const dancerCtx = await browser.newContext()
  const d = await dancerCtx.newPage()
  const dancerEmail = `e2e-dancer-${Date.now()}@test.bachata.buddy`
  expect((await d.request.post('/api/auth/register', { data: { email: dancerEmail, password: 'dance-all-night-42', name: 'Dee' } })).status()).toBe(201)
  await signIn(d, { email: dancerEmail, password: 'dance-all-night-42' })
  await expect(d.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toHaveCount(0)
  for (const path of ['/admin', '/admin/users', '/admin/moves', '/admin/songs', '/admin/plans', '/admin/stats']) {
    const res = await d.goto(path)
    expect(res?.status(), path).toBe(403)
    await expect(d.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
  }
  await shoot(d, 'admin-forbidden')
  const staffApis: Array<['get' | 'post' | 'patch' | 'delete', string]> = [
    ['get', '/api/admin/users'], ['get', '/api/admin/stats'], ['get', '/api/class-plans'], ['post', '/api/class-plans'],
    ['get', '/api/class-plans/sources'], ['get', '/api/moves?enabled=false'], ['post', '/api/moves'],
    ['post', '/api/moves/clip-timing'], ['post', '/api/moves/basic-1/embed'], ['patch', '/api/moves/basic-1'],
    ['delete', '/api/moves/basic-1'], ['patch', '/api/admin/users/someone'],
  ]
  for (const [method, path] of staffApis) {
    const res = await d.request[method](path, method === 'get' || method === 'delete' ? {} : { data: {} })
    expect(res.status(), `${method} ${path}`).toBe(403)
    expect((await res.json()).error.code, path).toBe('forbidden')
  }
  await dancerCtx.close()

  // The promoted user, signed in elsewhere, is an instructor: the admin section opens, the
  // users page (administrators only) does not.
  const other = await browser.newContext()
  const p2 = await other.newPage()
  await p2.goto('/sign-in')
  await p2.getByLabel('Email').fill(email)
  await p2.getByLabel('Password').fill('dance-all-night-42')
  await p2.getByRole('button', { name: 'Sign in' }).click()
  await expect(p2.getByText(`Signed in as ${email} · Instructor`)).toBeVisible()
  await p2.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click()
  await expect(p2.getByRole('heading', { name: 'Admin', level: 1 })).toBeVisible()
  await expect(p2.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' })).toHaveCount(0)
  const res = await p2.goto('/admin/users')
  expect(res?.status()).toBe(403)
  await other.close()
})
