import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { shoot, signIn, sameOrigin } from './helpers'

/** A choreography made through the API from this browser (same cookie session); it need not be rendered to be planned. */
async function choreography(page: Page, request: string) {
  const songs = (await (await page.request.get('/api/songs?pageSize=1&sort=title')).json()).items
  const made = await page.request.post('/api/choreographies', { data: { songId: songs[0].id, request }, headers: sameOrigin() })
  expect(made.status()).toBe(202)
  return (await made.json()).id as string
}

const items = (page: Page) => page.getByRole('list', { name: 'Plan items' }).locator(':scope > li')

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The items read, in order, "1. <song>: <request>", "2. …". */
async function expectOrder(page: Page, requests: string[]) {
  await expect(items(page)).toHaveCount(requests.length)
  for (const [i, r] of requests.entries()) {
    await expect(items(page).nth(i).locator('p').first()).toHaveText(new RegExp(`^${i + 1}\\. .*${escape(r)}$`))
  }
}

/** Waits for the order endpoint's answer, so a reload cannot race the save. */
const orderSaved = (page: Page) => page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/order'))

test('an instructor builds a class plan from two choreographies, reorders by drag and by keyboard, prints and exports it', async ({ page, browser }) => {
  await signIn(page, 'INSTRUCTOR')
  const profile = await page.request.put('/api/me/instructor-profile', {
    data: { bio: 'Bachata on Fridays since 2015.', school: 'Escuela Luna', links: [{ label: 'Website', url: 'https://example.com/luna' }] },
    headers: sameOrigin(),
  })
  expect(profile.status()).toBe(200)
  const first = 'romantic warm-up, 20 seconds'
  const second = 'footwork drill, 20 seconds'
  await choreography(page, first)
  await choreography(page, second)

  // The list and the create form.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click()
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Class plans' }).click()
  await expect(page.getByRole('heading', { name: 'Class plans' })).toBeVisible()
  const title = `Friday beginners ${Date.now()}`
  await page.getByLabel('New plan title').fill(title)
  await page.getByRole('button', { name: 'Create plan' }).click()
  await expect(page).toHaveURL(/\/admin\/plans\/[a-z0-9]+$/)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const planId = page.url().split('/').pop()!

  // Add both choreographies from the picker, with notes and timing on the first.
  // Picked by the request text: the option also says whether the render is still queued.
  const pick = async (request: string) => {
    const picker = page.getByRole('combobox', { name: 'Choreography', exact: true })
    await picker.selectOption((await picker.locator('option', { hasText: request }).getAttribute('value'))!)
    await page.getByRole('button', { name: 'Add to plan' }).click()
  }
  await pick(first)
  await expectOrder(page, [first])
  await pick(second)
  await expectOrder(page, [first, second])
  await page.getByLabel('Notes for item 1').fill('Start slow, count out loud')
  await page.getByLabel('Minutes for item 1').fill('15')
  await page.getByRole('button', { name: 'Save item 1' }).click()
  await expect(page.getByRole('button', { name: 'Save item 1' })).toBeDisabled()

  // Reorder by dragging the second item onto the first, then reload: the order stayed.
  let saved = orderSaved(page)
  await items(page).nth(1).dragTo(items(page).nth(0), { sourcePosition: { x: 90, y: 18 }, targetPosition: { x: 90, y: 18 } })
  expect((await saved).status()).toBe(200)
  await expectOrder(page, [second, first])
  await page.reload()
  await expectOrder(page, [second, first])
  await expect(page.getByLabel('Notes for item 2')).toHaveValue('Start slow, count out loud')

  // Reorder by keyboard: focus the first item's grip, press ↓; the move is announced and the focus follows it.
  await page.getByRole('button', { name: /^Reorder item 1/ }).focus()
  saved = orderSaved(page)
  await page.keyboard.press('ArrowDown')
  expect((await saved).status()).toBe(200)
  await expectOrder(page, [first, second])
  await expect(page.getByRole('status').filter({ hasText: 'moved to position 2 of 2' })).toBeAttached()
  await expect(page.getByRole('button', { name: /^Reorder item 2/ })).toBeFocused()
  // And with the Move up button, by keyboard only.
  await page.getByRole('button', { name: 'Move up item 2' }).focus()
  saved = orderSaved(page)
  await page.keyboard.press('Enter')
  expect((await saved).status()).toBe(200)
  await expectOrder(page, [second, first])
  await page.reload()
  await expectOrder(page, [second, first])
  await expect(page.getByLabel('Minutes for item 2')).toHaveValue('15')

  // Share it: a public page shows it with the instructor's profile.
  await page.getByLabel(/^Shared/).check()
  await page.getByRole('button', { name: 'Save details' }).click()
  await expect(page.getByText('Saved.')).toBeVisible()
  await shoot(page, 'admin-plan-editor')

  // The print view: move names and counts from the blueprints, notes, timing, the instructor.
  await page.getByRole('link', { name: 'Print view' }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/plans/${planId}/print$`))
  const sheet = page.getByRole('article')
  await expect(sheet.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(sheet.getByRole('complementary', { name: 'Instructor' })).toContainText('Demo Instructor')
  await expect(sheet.getByRole('complementary', { name: 'Instructor' })).toContainText('Escuela Luna')
  await expect(sheet.getByRole('list', { name: 'Plan items' }).locator(':scope > li').nth(1)).toContainText('Start slow, count out loud')
  await expect(sheet.getByRole('list', { name: 'Plan items' }).locator(':scope > li').nth(1)).toContainText('15 min')
  const planJson = await (await page.request.get(`/api/class-plans/${planId}`)).json()
  const firstStep = planJson.plan.items[0].choreography.steps[0]
  const moveTable = sheet.getByRole('table', { name: 'Moves of item 1' })
  await expect(moveTable.getByRole('row').nth(1)).toContainText(firstStep.name)
  await expect(moveTable.getByRole('row').nth(1)).toContainText(String(firstStep.counts))
  await expect(moveTable.getByRole('row')).toHaveCount(planJson.plan.items[0].choreography.steps.length + 1)
  await shoot(page, 'admin-plan-print')

  // The print button opens the browser's print dialog.
  await page.evaluate(() => { (window as unknown as { printed: number }).printed = 0; window.print = () => { (window as unknown as { printed: number }).printed++ } })
  await page.getByRole('button', { name: 'Print / save as PDF' }).click()
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1)

  // On paper: no menus, no buttons, the sheet alone.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('button', { name: 'Print / save as PDF' })).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
  await expect(page.getByRole('navigation', { name: 'Admin' })).toBeHidden()
  await expect(sheet.getByRole('heading', { level: 1, name: title })).toBeVisible()
  expect(await sheet.evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page')
  await page.screenshot({ path: 'test-results/screenshots/admin-plan-print-media.png', fullPage: true })
  await page.emulateMedia({ media: 'screen' })

  // The JSON export downloads as a file with the plan in its saved order.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export JSON' }).click()])
  expect(download.suggestedFilename()).toMatch(/^class-plan-friday-beginners-\d+\.json$/)
  const doc = JSON.parse(await readFile((await download.path())!, 'utf8'))
  expect(doc.plan.title).toBe(title)
  expect(doc.items.map((i: { choreography: { request: string } }) => i.choreography.request)).toEqual([second, first])
  expect(doc.items[1]).toMatchObject({ notes: 'Start slow, count out loud', durationMinutes: 15 })
  expect(doc.items[0].choreography.moves.length).toBeGreaterThan(0)

  // Signed out, the shared plan reads the same, with the instructor's profile.
  const stranger = await browser.newPage()
  const res = await stranger.goto(`/plans/${planId}`)
  expect(res?.status()).toBe(200)
  await expect(stranger.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(stranger.getByRole('complementary', { name: 'Instructor' })).toContainText('Bachata on Fridays since 2015.')
  await expect(stranger.getByRole('link', { name: 'Website' })).toHaveAttribute('href', 'https://example.com/luna')
  await shoot(stranger, 'plan-public')
  await stranger.close()

  // Duplicate from the editor: a new plan with both items.
  await page.goto(`/admin/plans/${planId}`)
  await page.getByRole('button', { name: 'Duplicate plan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${title} (copy)` })).toBeVisible()
  await expectOrder(page, [second, first])
  // A library move on its own, for a drill: it goes at the end.
  const move = page.getByRole('combobox', { name: 'Library move' })
  const moveName = (await move.locator('option:checked').textContent())!.replace(/ \(.*$/, '')
  await page.getByRole('button', { name: 'Add move' }).click()
  await expect(items(page)).toHaveCount(3)
  await expect(items(page).nth(2).locator('p').first()).toHaveText(`3. Move: ${moveName}`)

  await page.goto('/admin/plans')
  await expect(page.getByRole('list', { name: 'Your class plans' }).getByRole('link', { name: new RegExp(title) })).toHaveCount(2)
  await shoot(page, 'admin-plans')
})

test('a dancer gets the 403 page and 403 JSON; an admin reads another instructor\'s plan in its print view', async ({ page, browser }) => {
  await signIn(page, 'INSTRUCTOR')
  const made = await page.request.post('/api/class-plans', { data: { title: 'Instructors only' }, headers: sameOrigin() })
  expect(made.status()).toBe(201)
  const { plan } = await made.json()

  const dancer = await browser.newPage()
  await signIn(dancer, 'USER')
  for (const path of ['/admin/plans', `/admin/plans/${plan.id}`, `/admin/plans/${plan.id}/print`]) {
    const res = await dancer.goto(path)
    expect(res?.status(), path).toBe(403)
    await expect(dancer.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
  }
  for (const path of ['/api/class-plans', `/api/class-plans/${plan.id}`, `/api/class-plans/${plan.id}/export`]) {
    const res = await dancer.request.get(path)
    expect(res.status(), path).toBe(403)
    expect((await res.json()).error.code).toBe('forbidden')
  }
  // Not shared: the public page is a 404 like any missing plan.
  expect((await dancer.goto(`/plans/${plan.id}`))?.status()).toBe(404)
  await dancer.close()

  const admin = await browser.newPage()
  await signIn(admin, 'ADMIN')
  await admin.goto(`/admin/plans/${plan.id}`)
  await expect(admin).toHaveURL(new RegExp(`/admin/plans/${plan.id}/print$`))
  await expect(admin.getByRole('heading', { level: 1, name: 'Instructors only' })).toBeVisible()
  await expect(admin.getByRole('link', { name: 'Back to the editor' })).toHaveCount(0)
  await admin.close()
})
