import { expect, test, type Page } from '@playwright/test'
import { shoot, signUp, sameOrigin } from './helpers'

test.setTimeout(300_000)

const rows = (page: Page) => page.getByRole('list', { name: 'Choreographies' }).getByRole('listitem')

async function make(page: Page, songId: string, request: string): Promise<string> {
  const res = await page.request.post('/api/choreographies', { data: { songId, request }, headers: sameOrigin() })
  expect(res.status()).toBe(202)
  return (await res.json()).id
}

const statusOf = async (page: Page, id: string) => (await (await page.request.get(`/api/choreographies/${id}`)).json()).task.status

test('a new dancer sees an empty history that points to Generate, and home says to generate first', async ({ page }) => {
  await signUp(page, 'history-new')
  const next = page.getByRole('region', { name: 'What to do next' })
  await expect(next.getByRole('link')).toHaveCount(1)
  await expect(next.getByRole('link', { name: /Generate your first choreography/ })).toHaveAttribute('href', '/generate')
  await expect(page.getByRole('link', { name: /See all/ })).toHaveCount(0)
  // Raw JSON endpoints are not a feature: no cards to them.
  await expect(page.locator('a[href^="/api/"]')).toHaveCount(0)
  await shoot(page, 'home-new')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My choreographies' }).click()
  await expect(page).toHaveURL(/\/choreographies$/)
  await expect(page.getByRole('heading', { name: 'Nothing here yet' })).toBeVisible()
  await expect(page.getByRole('search')).toHaveCount(0)
  await shoot(page, 'history-empty')
  await page.getByRole('region', { name: 'Nothing here yet' }).getByRole('link', { name: 'Generate' }).click()
  await expect(page).toHaveURL(/\/generate$/)
})

test('a dancer filters, searches and sorts their choreographies, and deletes one after confirming', async ({ page }) => {
  await signUp(page, 'history')
  const songs = (await (await page.request.get('/api/songs?pageSize=2&sort=title&order=asc')).json()).items as { id: string; title: string }[]
  expect(songs).toHaveLength(2)
  const first = await make(page, songs[0].id, 'easy turns for beginners, 20 seconds')
  const second = await make(page, songs[1].id, 'footwork and shines, 20 seconds')

  // While they render, home offers to watch; once one is ready, practising it comes first.
  await page.reload()
  await expect(page.getByRole('region', { name: 'What to do next' }).getByRole('link', { name: /See it render/ })).toBeVisible()
  await expect.poll(async () => [await statusOf(page, first), await statusOf(page, second)], { timeout: 240_000, intervals: [1000] })
    .toEqual(['SUCCEEDED', 'SUCCEEDED'])
  expect((await page.request.post('/api/collections', { data: { name: 'Friday social' }, headers: sameOrigin() })).status()).toBe(201)
  await page.reload()
  const next = page.getByRole('region', { name: 'What to do next' }).getByRole('link')
  await expect(next.first()).toHaveAttribute('href', `/choreographies/${second}`)
  await expect(next.first()).toContainText('Practise it')
  await expect(next.filter({ hasText: 'Open your collections' })).toHaveAttribute('href', '/collections')
  await shoot(page, 'home-next')
  await page.getByRole('link', { name: 'See all 2' }).click()

  await expect(page).toHaveURL(/\/choreographies$/)
  await expect(rows(page)).toHaveCount(2)
  await expect(rows(page).first()).toContainText('footwork and shines')
  await expect(rows(page).first()).toContainText(songs[1].title)
  await expect(rows(page).first()).toContainText('Ready')
  await expect(rows(page).first().getByRole('link')).toHaveAttribute('href', `/choreographies/${second}`)
  await shoot(page, 'history')

  // Filter by song: the address says so, and only that song's choreography is listed.
  await page.getByRole('combobox', { name: 'Song' }).selectOption({ label: songs[0].title })
  await expect(page).toHaveURL(new RegExp(`songId=${songs[0].id}`))
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page)).toContainText('easy turns')
  await page.getByRole('combobox', { name: 'Song' }).selectOption({ label: 'All songs' })
  await expect(rows(page)).toHaveCount(2)

  // Status: both are ready; none failed, which is "no results", not "nothing yet".
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Failed' })
  await expect(page.getByText('No choreographies match these filters.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Nothing here yet' })).toHaveCount(0)
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Ready' })
  await expect(rows(page)).toHaveCount(2)
  await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Any status' })

  // Search by keyboard: type, Enter.
  await page.getByRole('searchbox', { name: 'Search' }).fill('FOOTWORK')
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter')
  await expect(page).toHaveURL(/q=FOOTWORK/)
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page)).toContainText('footwork and shines')
  await page.getByRole('searchbox', { name: 'Search' }).fill('no such routine')
  await page.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(page.getByText('No choreographies match these filters.')).toBeVisible()
  await shoot(page, 'history-no-results')
  await page.getByRole('link', { name: 'Clear the filters' }).click()
  await expect(page).toHaveURL(/\/choreographies$/)
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('')
  await expect(rows(page)).toHaveCount(2)

  // Sort: oldest first puts the first one on top, and a reload renders the same from the address.
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Oldest first' })
  await expect(page).toHaveURL(/sort=oldest/)
  await expect(rows(page).first()).toContainText('easy turns')
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('oldest')
  await expect(rows(page).first()).toContainText('easy turns')
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Newest first' })
  await expect(rows(page).first()).toContainText('footwork and shines')

  // Delete asks first. Escape and "Keep it" both keep it, and focus goes back to the button.
  const del = rows(page).first().getByRole('button', { name: /^Delete / })
  const dialog = page.getByRole('dialog', { name: 'Delete this choreography?' })
  await del.click()
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('footwork and shines')
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused()
  await shoot(page, 'history-confirm')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(del).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  // Chromium hands focus back at once but fires the dialog's close event with the next frame, late
  // on a busy machine (a CI run's Enter came first). Hold the next one back for a second: Enter
  // on the returned focus still opens it, and the late event, when it comes, shuts nothing.
  await page.evaluate(() => window.addEventListener('close', (e) => {
    e.stopImmediatePropagation()
    const late = e.target as EventTarget
    setTimeout(() => { late.dispatchEvent(new Event('close')); document.body.dataset.lateClose = 'sent' }, 1000)
  }, { capture: true, once: true }))
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(del).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await expect(page.locator('body[data-late-close="sent"]')).toHaveCount(1)
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Keep it' }).click()
  await expect(dialog).toBeHidden()
  await expect(rows(page)).toHaveCount(2)
  expect(await statusOf(page, second)).toBe('SUCCEEDED')

  await del.click()
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(rows(page)).toHaveCount(1)
  await expect(page.getByRole('heading', { name: '1 choreography' })).toBeFocused()
  await expect(rows(page)).toContainText('easy turns')
  await page.reload()
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page)).not.toContainText('footwork')
  expect((await page.request.get(`/api/choreographies/${second}`)).status()).toBe(404)
  // Its song is no longer one to filter by.
  await expect(page.getByRole('combobox', { name: 'Song' }).getByRole('option')).toHaveText(['All songs', songs[0].title])
})

test('the landing page claims only what exists', async ({ page }) => {
  await page.goto('/')
  const text = await page.locator('main').innerText()
  expect(text).not.toMatch(/class plan/i)
  expect(text).not.toMatch(/instructor/i)
  const practice = page.getByRole('region', { name: 'Made for practice' })
  for (const feature of ['Mirror', 'Slow it down', 'A to B', 'count on screen', 'collections', 'read-only link']) {
    await expect(practice).toContainText(feature)
  }
  await shoot(page, 'landing')
})
