import { expect, test } from '@playwright/test'
import { whiteNoiseMp3 } from '../tests/fixtures/upload-audio'
import { shoot, signIn, sameOrigin } from './helpers'

type Analysis = { beats: number[]; countOne: number[]; sections: { start: number; end: number }[] }
type Entry = { kind: 'move' | 'hold'; songStart: number }

test('an instructor uploads a song, publishes it, corrects its count one from a time on, and a new choreography follows the corrected grid', async ({ page }) => {
  test.setTimeout(240_000)
  await signIn(page, 'INSTRUCTOR')
  await page.goto('/admin/songs')
  await expect(page.getByRole('heading', { name: 'Songs', level: 1 })).toBeVisible()

  // Upload: a demo song the test seed wrote (the WAV; the library holds the MP3s).
  const title = `Count check ${Date.now()}`
  const upload = page.getByRole('form', { name: 'Upload a song' })
  // Missing pieces are said beside their fields: no file (here), no title (the server's 422).
  await upload.getByRole('button', { name: 'Upload' }).click()
  await expect(upload.getByText('Choose an audio file')).toBeVisible()
  await upload.getByLabel(/Audio file/).setInputFiles('.data/demo-songs/lenta-105.wav')
  await upload.getByRole('button', { name: 'Upload' }).click()
  await expect(upload.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true', { timeout: 30_000 })
  await expect(upload.getByText('is required')).toBeVisible()
  await upload.getByLabel('Title', { exact: true }).fill(title)
  await upload.getByLabel('Artist').fill('E2E Band')
  await upload.getByLabel(/Audio file/).setInputFiles('.data/demo-songs/lenta-105.wav')
  await upload.getByRole('button', { name: 'Upload' }).click()
  // Stored and answered before the analysis: announced (aria-live) while the form polls.
  const progress = upload.getByTestId('upload-progress')
  await expect(progress).toHaveAttribute('aria-live', 'polite')
  await expect(progress).toHaveText(/Analysing…/, { timeout: 60_000 })
  await expect(upload.getByRole('status')).toContainText(`${title} is uploaded and analysed`, { timeout: 90_000 })
  const row = page.getByTestId('song-row').filter({ hasText: title })
  await expect(row).toContainText('E2E Band')
  await expect(row).toContainText(/Analysed · \d+% sure/)
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^10[3-7]$/) // BPM

  // Public, from the list; the search and the visibility filter find it there after a reload.
  const toggle = row.getByRole('switch', { name: `Public: ${title}` })
  await expect(toggle).toHaveAttribute('aria-checked', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-checked', 'true')
  const search = page.getByRole('search', { name: 'Songs' })
  await search.getByLabel('Title or artist').fill(title)
  await search.getByLabel('Visibility').selectOption('PUBLIC')
  await search.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/visibility=PUBLIC/)
  await expect(page.getByText('1 song', { exact: true })).toBeVisible()
  await expect(page.getByTestId('song-row').filter({ hasText: title }).getByRole('switch')).toHaveAttribute('aria-checked', 'true')
  await search.getByLabel('Visibility').selectOption('PRIVATE')
  await search.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByText('0 songs', { exact: true })).toBeVisible()
  await search.getByLabel('Visibility').selectOption('')
  await search.getByRole('button', { name: 'Search' }).click()
  await expect(page.getByTestId('song-row').filter({ hasText: title })).toBeVisible()
  await shoot(page, 'admin-songs')

  // The analysis view.
  await page.getByRole('link', { name: title }).click()
  await expect(page).toHaveURL(/\/admin\/songs\/[^/]+$/)
  const songId = page.url().split('/').pop()!
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  const plot = page.getByTestId('analysis-plot')
  await expect(plot.locator('[data-kind="energy-envelope"]')).toHaveCount(1)
  await expect(page.getByRole('switch', { name: `Public: ${title}` })).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('section-row').first()).toBeVisible()

  const before: Analysis = (await (await page.request.get(`/api/songs/${songId}`)).json()).song.analysis
  expect(before.sections.length).toBeGreaterThan(1)
  // T: two beats after the first count one past the end of the first section, so the new grid
  // lies between the old one's count ones and shares none of them from there on.
  const j = before.countOne.findIndex((t) => t > before.sections[0].end)
  expect(j).toBeGreaterThan(0)
  const b = before.beats.indexOf(before.countOne[j]) + 2
  const T = before.beats[b]
  await expect(plot.locator(`[data-kind="count-one"][data-time="${before.countOne[j + 1]}"]`)).toHaveCount(1)

  // A click on the plot picks a time; the player's playhead (keyboard-usable button) sets T.
  await plot.locator('svg').click({ position: { x: 40, y: 40 } })
  await expect(page.getByLabel('Time (seconds)', { exact: true })).not.toHaveValue('')
  await expect(plot.locator('[data-kind="marker"]')).toHaveCount(1)
  await page.locator('audio').evaluate((a: HTMLAudioElement, t: number) => new Promise<void>((resolve) => {
    const seek = () => { a.addEventListener('seeked', () => resolve(), { once: true }); a.currentTime = t }
    if (a.readyState >= 1) seek()
    else a.addEventListener('loadedmetadata', seek, { once: true })
  }), T)
  await page.getByRole('button', { name: 'Time (seconds): use the playhead time' }).click()
  await expect(page.getByLabel('Time (seconds)', { exact: true })).toHaveValue(String(Math.round(T * 100) / 100))

  const patched = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/api/songs/${songId}/analysis`))
  await page.getByRole('button', { name: 'Count one is here from now on' }).click()
  const res = await patched
  expect(res.status()).toBe(200)
  const after: Analysis = (await res.json()).song.analysis
  // The plot redraws from the answer, without a reload: a tick at T, none at the old count ones after it.
  await expect(page.getByTestId('correction-status')).toContainText('Count one moved from there on')
  await expect(plot.locator(`[data-kind="count-one"][data-time="${T}"]`)).toHaveCount(1)
  await expect(plot.locator(`[data-kind="count-one"][data-time="${before.countOne[j + 1]}"]`)).toHaveCount(0)
  await expect(page.getByTestId('corrections')).toContainText(/Count one at \d+:\d\d\.\d\d from there on/)
  expect(after.countOne).toContain(T)
  await shoot(page, 'admin-song-analysis')

  // Kept with the song: a reload shows the corrected grid and the correction.
  await page.reload()
  await expect(page.getByTestId('corrections').getByRole('listitem')).toHaveCount(1)
  await expect(plot.locator(`[data-kind="count-one"][data-time="${T}"]`)).toHaveCount(1)

  // Acceptance (issue 13): a new choreography on this song starts its moves on the corrected grid.
  const made = await page.request.post('/api/choreographies', { data: { songId, params: { durationSeconds: 300 }, seed: 5 }, headers: sameOrigin() })
  expect(made.status(), await made.text()).toBe(202)
  const task = (await (await page.request.get(`/api/choreographies/${(await made.json()).id}`)).json()).task
  const frame = 1 / task.blueprint.output.fps
  const grid = before.beats.filter((_, i) => i >= b && (i - b) % 8 === 0) // T + k·8 beats
  const oldGrid = before.countOne.filter((t) => t > T)
  const later = (task.blueprint.moves as Entry[]).filter((m) => m.kind === 'move' && m.songStart > T - frame)
  expect(later.length).toBeGreaterThan(3)
  for (const m of later) {
    expect(grid.some((t) => Math.abs(t - m.songStart) <= frame), `move at ${m.songStart} s is on the corrected grid`).toBe(true)
    expect(oldGrid.some((t) => Math.abs(t - m.songStart) <= frame), `move at ${m.songStart} s is not on the old grid`).toBe(false)
  }

  // A time past the end is refused with the server's words, and nothing changes.
  const time = page.getByLabel('Time (seconds)', { exact: true })
  await time.fill('600')
  await page.getByRole('button', { name: 'Count one is here from now on' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'after the end of the song' })).toBeVisible()
  await expect(page.getByTestId('corrections').getByRole('listitem')).toHaveCount(1)

  // By keyboard: shift the whole song a beat, then reset everything through the dialog.
  await page.getByRole('button', { name: 'Count one a beat later (whole song)' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('correction-status')).toContainText('Shifted a beat later')
  await expect(page.getByTestId('corrections').getByRole('listitem')).toHaveCount(2)
  await page.getByRole('button', { name: 'Reset to the automatic analysis' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Drop every correction?' })
  await expect(dialog.getByRole('button', { name: 'Keep them' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Reset' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('correction-status')).toContainText('Back to the automatic analysis')
  await expect(page.getByText('None: this is the automatic analysis.')).toBeVisible()
  await expect(plot.locator(`[data-kind="count-one"][data-time="${before.countOne[j + 1]}"]`)).toHaveCount(1)
  await expect(plot.locator(`[data-kind="count-one"][data-time="${T}"]`)).toHaveCount(0)
})

test('a dancer gets the 403 page for a song\'s analysis view too', async ({ page }) => {
  await signIn(page, 'USER')
  const songs = (await (await page.request.get('/api/songs?pageSize=1')).json()).items as { id: string }[]
  expect(songs.length).toBe(1)
  expect((await page.goto(`/admin/songs/${songs[0].id}`))?.status()).toBe(403)
  expect((await page.goto('/admin/songs?q=%25'))?.status()).toBe(403)
})

test('an instructor uploads white noise: "Analysing…", then the failure in the form and in the list, and deletes it', async ({ page }) => {
  await signIn(page, 'INSTRUCTOR')
  await page.goto('/admin/songs')
  const title = `Noise ${Date.now()}`
  const upload = page.getByRole('form', { name: 'Upload a song' })
  await upload.getByLabel('Title', { exact: true }).fill(title)
  await upload.getByLabel(/Audio file/).setInputFiles(await whiteNoiseMp3(100_000 + (Date.now() % 100_000)))
  await upload.getByRole('button', { name: 'Upload' }).click()
  await expect(upload.getByTestId('upload-progress')).toHaveText(/Analysing…/, { timeout: 60_000 })
  const failed = upload.getByRole('alert')
  await expect(failed).toContainText(`${title} could not be analysed: No steady beat found in this audio`, { timeout: 60_000 })
  await expect(page.getByTestId('song-row').filter({ hasText: title })).toContainText('Analysis failed: No steady beat found in this audio')
  await failed.getByRole('button', { name: 'Delete it' }).click()
  await expect(failed).toHaveCount(0)
  await expect(page.getByTestId('song-row').filter({ hasText: title })).toHaveCount(0)
})
