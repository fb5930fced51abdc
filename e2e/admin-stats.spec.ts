import { expect, test } from '@playwright/test'
import { shoot, signIn, sameOrigin } from './helpers'

test('an instructor reads the stats: the library by family and level, weekly choreographies, most used moves', async ({ page }) => {
  await signIn(page, 'INSTRUCTOR')
  // One choreography this week, so the week and the most-used list have something to show.
  const songs = await (await page.request.get('/api/songs?pageSize=1')).json()
  const made = await page.request.post('/api/choreographies', { data: { songId: songs.items[0].id, request: 'easy basics, one minute', seed: 3 }, headers: sameOrigin() })
  expect(made.status()).toBe(202)

  await page.goto('/admin')
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Stats' }).click()
  await expect(page.getByRole('heading', { name: 'Stats', level: 1 })).toBeVisible()
  const families = page.getByRole('table', { name: 'Moves by family' })
  await expect(families.getByRole('rowheader', { name: 'basic' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Moves by level' }).getByRole('rowheader', { name: 'beginner' })).toBeVisible()
  const weeks = page.getByRole('table', { name: /Choreographies per week/ })
  await expect(weeks.getByRole('row')).toHaveCount(13) // the header and 12 weeks
  // This week's row counts at least the one just made.
  const thisWeek = weeks.getByRole('row').last()
  const cells = await thisWeek.getByRole('cell').allInnerTexts()
  expect(cells.slice(0, 2).map(Number).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(1)
  await expect(page.getByRole('heading', { name: 'Most used moves' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: /uses in \d+ choreograph/ }).first()).toBeVisible()
  await shoot(page, 'admin-stats')
})
