import { expect, test, type Locator, type Page } from '@playwright/test'

test.setTimeout(180_000)

/** Presses Tab until the target has focus, as a keyboard user would (fails if it never does). */
async function tabTo(page: Page, target: Locator, max = 80) {
  await expect(target).toBeVisible() // fail fast and clearly when it is not on the page
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target}`)
}

const video = (page: Page) => page.getByTestId('practice-video').evaluate((v: HTMLVideoElement) => ({
  t: v.currentTime, rate: v.playbackRate, transform: getComputedStyle(v).transform, paused: v.paused,
}))

test('the whole flow from sign-up to practising works by keyboard alone, and progress falls back to polling without SSE', async ({ page }) => {
  // A proxy that blocks event streams: the page must still follow the render.
  await page.route('**/api/choreographies/*/events', (r) => r.abort())
  const polls: string[] = []
  page.on('request', (r) => { if (/^\/api\/choreographies\/[a-z0-9]+$/.test(new URL(r.url()).pathname) && r.method() === 'GET') polls.push(r.url()) })

  await page.goto('/sign-up')
  await tabTo(page, page.getByLabel('Name'))
  await page.keyboard.type('Kim')
  await tabTo(page, page.getByLabel('Email'))
  await page.keyboard.type(`e2e-keys-${Date.now()}@test.bachata.buddy`)
  await tabTo(page, page.getByLabel('Password'))
  await page.keyboard.type('dance-all-night-42')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/home$/)

  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generate' }))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/generate$/)

  // Into the song grid: the first radio takes focus, Space picks it.
  const first = page.getByRole('radiogroup', { name: 'Songs' }).getByRole('radio').first()
  await tabTo(page, first)
  await page.keyboard.press('Space')
  await expect(first).toBeChecked()
  await tabTo(page, page.getByLabel('Your request'))
  await page.keyboard.type('easy beginner routine, 20 seconds')
  await tabTo(page, page.getByRole('button', { name: 'Read my request' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('combobox', { name: 'Level' })).toHaveValue('beginner')
  // Switch the count-in off by keyboard.
  const countInSwitch = page.getByRole('switch', { name: /Count-in/ })
  await expect(countInSwitch).toBeChecked()
  await tabTo(page, countInSwitch)
  await page.keyboard.press('Space')
  await expect(countInSwitch).not.toBeChecked()
  // Edit a chip by keyboard: switch a mood on.
  const mood = page.getByRole('group', { name: 'Moods' }).getByRole('button', { pressed: false }).first()
  const moodName = (await mood.innerText()).trim()
  await tabTo(page, mood)
  await page.keyboard.press('Space')
  await expect(page.getByRole('group', { name: 'Moods' }).getByRole('button', { name: moodName })).toHaveAttribute('aria-pressed', 'true')
  await tabTo(page, page.getByRole('button', { name: 'Generate choreography' }))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/choreographies\/[a-z0-9]+$/)
  const id = page.url().split('/').pop()!
  const task = (await (await page.request.get(`/api/choreographies/${id}`)).json()).task
  expect(task.params.moods).toContain(moodName)
  expect(task.params.countIn).toBe(false)
  expect(task.blueprint.countIn).toBeNull()

  await expect(page.getByTestId('practice-video')).toBeVisible({ timeout: 120_000 })
  expect(polls.length).toBeGreaterThan(0) // the stream was refused, so the page polled
  await expect(page.getByTestId('count-in-cue')).toHaveCount(0)

  // The player by keys: space plays, M mirrors, ] and [ change speed, → next move, L loops, ? helps.
  await page.locator('body').press('Space')
  await expect.poll(async () => (await video(page)).t, { timeout: 15_000 }).toBeGreaterThan(0.3)
  await page.keyboard.press('m')
  expect((await video(page)).transform).toBe('matrix(-1, 0, 0, 1, 0, 0)')
  await page.keyboard.press(']')
  expect((await video(page)).rate).toBe(1.25)
  await page.keyboard.press('[')
  await page.keyboard.press('[')
  expect((await video(page)).rate).toBe(0.75)
  const overlay = page.getByTestId('count-overlay')
  const before = Number(await overlay.getAttribute('data-move'))
  await page.keyboard.press('ArrowRight')
  await expect(overlay).toHaveAttribute('data-move', String(before + 1))
  await page.keyboard.press('l')
  await expect(page.getByRole('button', { name: 'Loop this move' })).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()
  await page.keyboard.press('l')

  // The timeline by Tab and Enter: the third move plays from its count 1.
  await tabTo(page, page.getByRole('list', { name: 'Moves' }).getByRole('button').nth(2))
  await page.keyboard.press('Enter')
  await expect(overlay).toHaveAttribute('data-move', '2')
  await tabTo(page, page.getByRole('button', { name: '☆ Add to favourites' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: '★ Favourite' })).toHaveAttribute('aria-pressed', 'true')
})
