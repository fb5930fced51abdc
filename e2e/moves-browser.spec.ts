import { expect, test } from '@playwright/test'
import { shoot, signUp } from './helpers'

test.setTimeout(120_000)

test('a dancer searches the move library, filters by family, previews a clip by keyboard and sees the empty state', async ({ page }) => {
  await signUp(page, 'moves')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moves' }).click()
  await expect(page).toHaveURL(/\/moves$/)
  const cards = page.getByTestId('move-card')
  await expect(cards.first()).toBeVisible()

  // Search: the address follows (debounced), results come best first with a reason each.
  await page.getByLabel('Search moves').fill('turn')
  await expect(page).toHaveURL(/\/moves\?q=turn$/)
  await expect(page.getByRole('status')).toContainText('for “turn”')
  await expect(cards.first().getByTestId('move-why')).toContainText("matches 'turn' in the name")
  const whys = await page.getByTestId('move-why').allTextContents()
  expect(whys.length).toBe(await cards.count())
  expect(whys.every((w) => w.length > 5)).toBe(true)
  // Hover plays a card's clip, leaving stops it.
  const hovered = cards.nth(1).getByTestId('move-preview')
  await cards.nth(1).hover()
  await expect.poll(() => hovered.evaluate((v: HTMLVideoElement) => !!v.getAttribute('src') && !v.paused)).toBe(true)
  await page.mouse.move(1, 1)
  await expect.poll(() => hovered.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true)
  const families = () => cards.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.family))

  // A family filter: only that family, in the address too; back undoes it.
  await page.getByRole('combobox', { name: 'Family' }).selectOption('basic')
  await expect(page).toHaveURL(/\/moves\?q=turn&family=basic$/)
  await expect(page.getByRole('status')).not.toContainText('Searching')
  await expect.poll(families).not.toContain('lady-turn')
  expect((await families()).length).toBeGreaterThan(0)
  expect(new Set(await families())).toEqual(new Set(['basic']))
  await page.goBack()
  await expect(page).toHaveURL(/\/moves\?q=turn$/)
  await expect(page.getByRole('combobox', { name: 'Family' })).toHaveValue('')
  await expect.poll(families).toContain('lady-turn')
  await page.getByRole('combobox', { name: 'Family' }).selectOption('lady-turn')
  await expect.poll(async () => new Set(await families())).toEqual(new Set(['lady-turn']))

  // Keyboard: tab from the last control onto the first card; its clip loads and plays.
  const first = cards.first()
  const preview = first.getByTestId('move-preview')
  await expect(preview).not.toHaveAttribute('src')
  await page.getByRole('button', { name: 'Clear search and filters' }).focus()
  await page.keyboard.press('Tab')
  await expect(first).toBeFocused()
  const box = await first.boundingBox()
  await expect(preview).toHaveAttribute('src', /^\/api\/moves\/[a-z0-9-]+\/clip\?v=[a-z0-9]+$/)
  await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => !v.paused && v.currentTime > 0.2), { timeout: 15_000 }).toBe(true)
  expect(await first.boundingBox(), 'the card keeps its size when the clip plays').toEqual(box)
  await shoot(page, 'moves')
  // Focus moves on: the preview stops.
  await page.keyboard.press('Tab')
  await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true)

  // Nonsense finds nothing, and says so.
  await page.getByLabel('Search moves').fill('zqxjv wvkpf')
  await expect(page.getByTestId('moves-empty')).toContainText('No moves match “zqxjv wvkpf” with these filters')
  await expect(cards).toHaveCount(0)
  await shoot(page, 'moves-empty')
  await page.getByRole('button', { name: 'Clear search and filters' }).click()
  await expect(page).toHaveURL(/\/moves$/)
  await expect(cards.first()).toBeVisible()
})
