import { expect, test, type Page } from '@playwright/test'
import { reencodedMp3, whiteNoiseMp3 } from '../tests/fixtures/upload-audio'
import { shoot, signUp, sameOrigin } from './helpers'

test.setTimeout(180_000)

interface BpMove { songStart: number; songEnd: number; beatTimes: number[]; name: string }

const videoState = (page: Page) => page.getByTestId('practice-video').evaluate((v: HTMLVideoElement) => ({
  t: v.currentTime, rate: v.playbackRate, pitch: v.preservesPitch, transform: getComputedStyle(v).transform, paused: v.paused,
}))

test('a new dancer picks a demo song, asks, edits what was understood, watches it render and practises with it', async ({ page, browser }) => {
  await signUp(page, 'dancer')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generate' }).click()
  await expect(page).toHaveURL(/\/generate$/)
  await shoot(page, 'generate')

  // The demo songs are there from the start; filters narrow the grid.
  await page.getByRole('combobox', { name: 'Tempo' }).selectOption('medium')
  await expect(page.getByRole('radio', { name: /Dominicana/ })).toHaveCount(0)
  await page.getByRole('radio', { name: /Clásica/ }).check()

  await page.getByLabel('Your request').fill('romantic beginner routine with a few easy turns, no dips, 30 seconds')
  await page.getByRole('button', { name: 'Read my request' }).click()
  const chips = page.getByRole('region', { name: '3. Check what we understood' })
  await expect(chips.getByRole('combobox', { name: 'Level' })).toHaveValue('beginner')
  await expect(page.getByRole('group', { name: 'Exclude' })).toContainText('dip')
  await expect(page.getByRole('group', { name: 'Moods' }).getByRole('button', { name: 'romantic' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByLabel('Length in seconds')).toHaveValue('30')
  // The count-in is on unless the dancer switches it off.
  await expect(page.getByRole('switch', { name: /Count-in/ })).toBeChecked()
  // Edit a chip: the explicit value is what gets generated.
  await chips.getByRole('combobox', { name: 'Energy' }).selectOption('medium')
  await page.getByRole('button', { name: 'Generate choreography' }).click()

  await expect(page).toHaveURL(/\/choreographies\/[a-z0-9]+$/)
  const id = page.url().split('/').pop()!
  // Progress comes by Server-Sent Events: the page opens the stream and does not poll.
  const polls: string[] = []
  page.on('request', (r) => { if (new URL(r.url()).pathname === `/api/choreographies/${id}`) polls.push(r.url()) })
  const api = (await (await page.request.get(`/api/choreographies/${id}`)).json()).task
  expect(api.params.energy).toBe('medium')
  expect(api.params.difficulty).toBe('beginner')
  expect(api.params.excludeFamilies).toContain('dip')
  expect(api.params.countIn).toBe(true)

  // Progress is followed live, then the player replaces it without a reload.
  const video = page.getByTestId('practice-video')
  await expect(video).toBeVisible({ timeout: 120_000 })
  expect(polls).toEqual([])
  const { blueprint } = (await (await page.request.get(`/api/choreographies/${id}`)).json()).task
  const moves = blueprint.moves as BpMove[]
  // Video time 0 is the count-in's first beat: the song's four beats before the first move.
  const countIn = blueprint.countIn as { beatTimes: number[]; calls: number[] }
  expect(countIn.calls).toEqual([5, 6, 7, 8])
  expect(countIn.beatTimes[4]).toBe(blueprint.start)
  const start = countIn.beatTimes[0]
  expect(moves.length).toBeGreaterThan(2)
  await expect(page.getByRole('list', { name: 'Moves' }).getByRole('listitem')).toHaveCount(moves.length)
  await shoot(page, 'practise')

  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await expect.poll(async () => (await videoState(page)).t, { timeout: 15_000 }).toBeGreaterThan(0.5)

  await page.getByRole('button', { name: 'Mirror' }).click()
  expect((await videoState(page)).transform).toBe('matrix(-1, 0, 0, 1, 0, 0)')

  await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.5')
  const slow = await videoState(page)
  expect(slow.rate).toBe(0.5)
  expect(slow.pitch).toBe(true)

  // Loop the second move at full speed (0.5× would make two loops take 15 s).
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('1.25')
  await page.getByRole('list', { name: 'Moves' }).getByRole('button').nth(1).click()
  await page.getByRole('button', { name: 'Loop this move' }).click()
  const span = { a: moves[1].songStart - start, b: moves[1].songEnd - start }
  let wraps = 0
  let prev = -1
  const seen: number[] = []
  const deadline = Date.now() + 30_000
  while (wraps < 2 && Date.now() < deadline) {
    const { t } = await videoState(page)
    seen.push(t)
    if (t < prev - 0.5) wraps++
    prev = t
    await page.waitForTimeout(100)
  }
  expect(wraps).toBe(2)
  for (const t of seen.slice(3)) {
    expect(t).toBeGreaterThanOrEqual(span.a - 0.05)
    expect(t).toBeLessThanOrEqual(span.b + 0.1)
  }
  await page.getByRole('button', { name: 'Loop this move' }).click()

  // The overlay shows the count the blueprint gives: pause on the third beat of move 3.
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  // The count-in first: 5 6 7 8 on its own beats, the timeline's first cue, then count 1 of move 1.
  for (const k of [0, 2, 3]) {
    await video.evaluate((v: HTMLVideoElement, t: number) => { v.currentTime = t }, (countIn.beatTimes[k] + countIn.beatTimes[k + 1]) / 2 - start)
    await expect(page.getByTestId('count-overlay')).toHaveAttribute('data-count', String(countIn.calls[k]))
    await expect(page.getByTestId('count-overlay')).toHaveAttribute('data-count-in', 'true')
  }
  await expect(page.getByTestId('count-in-cue')).toHaveAttribute('aria-current', 'step')
  await video.evaluate((v: HTMLVideoElement, t: number) => { v.currentTime = t }, (moves[0].beatTimes[0] + moves[0].beatTimes[1]) / 2 - start)
  await expect(page.getByTestId('count-overlay')).toHaveAttribute('data-count', '1')
  await expect(page.getByTestId('count-overlay')).not.toHaveAttribute('data-count-in', 'true')
  const m = moves[2]
  for (const k of [2, 5, 7]) {
    const at = (m.beatTimes[k] + m.beatTimes[k + 1]) / 2 - start
    await video.evaluate((v: HTMLVideoElement, t: number) => { v.currentTime = t }, at)
    await expect(page.getByTestId('count-overlay')).toHaveAttribute('data-count', String(k + 1))
    await expect(page.getByTestId('count-overlay')).toHaveAttribute('data-move', '2')
  }
  // The timeline shows each move's poster, and on focus why it was chosen and how to lead it.
  const third = page.getByRole('list', { name: 'Moves' }).getByRole('listitem').nth(2)
  await expect(third.locator('img')).toHaveJSProperty('complete', true)
  expect(await third.locator('img').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0)
  await third.getByRole('button').focus()
  await expect(third.getByTestId('move-details')).toBeVisible()
  await expect(third.getByTestId('move-details')).toContainText('Why:')
  await expect(third.getByTestId('move-details')).toContainText('Lead:')

  // Replace the move under the playhead: a new render, then the new video plays. With the
  // 12-clip test library a position can have no other move that fits its neighbours: the page
  // says so in words, and the dancer tries another move (from the third on).
  const oldSrc = await video.getAttribute('src')
  const rendering = page.getByRole('progressbar', { name: 'Render progress' })
  const noFit = page.getByRole('alert').filter({ hasText: /No other .* fits/ })
  let at = -1
  for (const i of [2, 3, 4, 1, 5, 6, 0].filter((k) => k < moves.length)) {
    await page.getByRole('list', { name: 'Moves' }).getByRole('button').nth(i).click()
    await expect(page.getByTestId('count-overlay')).toHaveAttribute('data-move', String(i))
    await page.getByRole('button', { name: 'Replace this move' }).click()
    await expect(rendering.or(noFit)).toBeVisible()
    if (await rendering.isVisible()) { at = i; break }
  }
  expect(at, 'some move can be replaced').toBeGreaterThanOrEqual(0)
  await expect(page.getByTestId('practice-video')).toBeVisible({ timeout: 120_000 })
  const newSrc = await page.getByTestId('practice-video').getAttribute('src')
  expect(newSrc).not.toBe(oldSrc)
  const after = (await (await page.request.get(`/api/choreographies/${id}`)).json()).task.blueprint.moves as Array<BpMove & { moveId: string }>
  expect(after[at].name).not.toBe(moves[at].name)
  expect(after.map((x) => x.name).filter((_, i) => i !== at)).toEqual(moves.map((x) => x.name).filter((_, i) => i !== at))
  await expect(page.getByTestId('replace-notice')).toContainText(`Move ${at + 1}: ${moves[at].name} is now ${after[at].name}`)
  // After the refresh the new move has its own cues in the timeline.
  await expect(page.getByRole('list', { name: 'Moves' }).getByRole('listitem').nth(at)).toContainText(after[at].name)
  // Mirror and speed are the dancer's: the new player keeps them.
  expect(await videoState(page)).toMatchObject({ transform: 'matrix(-1, 0, 0, 1, 0, 0)', rate: 1.25 })
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await expect.poll(async () => (await videoState(page)).t, { timeout: 15_000 }).toBeGreaterThan(0.3)
  await page.getByRole('button', { name: 'Pause', exact: true }).click()

  // Keyboard: M toggles mirror back, ] speeds up, ? opens the help.
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('m')
  expect((await videoState(page)).transform).toBe('none')
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()

  // Keep it: favourite, and save to a new collection, then find it there.
  await page.getByRole('button', { name: '☆ Add to favourites' }).click()
  await expect(page.getByRole('button', { name: '★ Favourite' })).toHaveAttribute('aria-pressed', 'true')
  await page.getByLabel('New collection name').fill('Tuesday practice')
  await page.getByRole('form', { name: 'Save to a collection' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('link', { name: 'Tuesday practice' })).toBeVisible()

  // Share a read-only link: it plays signed out and shows nothing of the owner; revoked, it is gone.
  await page.getByRole('button', { name: 'Create a share link' }).click()
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue()
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{32}$/)
  const guest = await browser.newContext()
  const guestPage = await guest.newPage()
  await guestPage.goto(new URL(link).pathname)
  await guestPage.getByRole('button', { name: 'Play', exact: true }).click()
  await expect.poll(() => guestPage.getByTestId('practice-video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.3)
  expect(await guestPage.locator('body').innerText()).not.toContain('Ana')
  await expect(guestPage.getByRole('link', { name: 'Sign in' })).toBeVisible()
  await shoot(guestPage, 'shared')
  await page.getByRole('list', { name: 'Live share links' }).getByRole('button', { name: 'Revoke' }).click()
  await expect(page.getByRole('list', { name: 'Live share links' })).toHaveCount(0)
  expect((await guestPage.goto(new URL(link).pathname))?.status()).toBe(404)
  await guest.close()

  // The home page lists it; the collection and the favourites hold it.
  await page.goto('/home')
  await expect(page.getByRole('region', { name: 'Your recent choreographies' }).getByRole('link', { name: /romantic beginner routine/ })).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Collections' }).click()
  await expect(page.getByRole('list', { name: 'Favourites' })).toContainText('romantic beginner routine')
  await page.getByRole('list', { name: 'Your collections' }).getByRole('link', { name: /Tuesday practice/ }).click()
  await expect(page.getByRole('list', { name: 'Items' })).toContainText('romantic beginner routine')
  await page.getByLabel('Note for item 1').fill('slow it down first')
  await page.getByRole('button', { name: 'Save note' }).click()
  await expect(page.getByRole('button', { name: 'Save note' })).toBeDisabled()
  await shoot(page, 'collection')
  await page.reload()
  await expect(page.getByLabel('Note for item 1')).toHaveValue('slow it down first')
})

test('another dancer\'s choreography and collection are the same 404 page as a missing one', async ({ page, browser }) => {
  await signUp(page, 'owner')
  const songs = (await (await page.request.get('/api/songs?pageSize=1')).json()).items
  const made = await page.request.post('/api/choreographies', { data: { songId: songs[0].id, request: 'easy, 20 seconds' }, headers: sameOrigin() })
  expect(made.status()).toBe(202)
  const { id } = await made.json()
  const stranger = await browser.newPage()
  await signUp(stranger, 'stranger')
  const res = await stranger.goto(`/choreographies/${id}`)
  expect(res?.status()).toBe(404)
  const missing = await stranger.goto('/choreographies/doesnotexist000')
  expect(missing?.status()).toBe(404)
  const missingText = await stranger.locator('main').innerText()
  await stranger.goto(`/choreographies/${id}`)
  expect(await stranger.locator('main').innerText()).toBe(missingText)
  const coll = await page.request.post('/api/collections', { data: { name: 'Mine only' }, headers: sameOrigin() })
  const collId = (await coll.json()).collection.id
  expect((await stranger.goto(`/collections/${collId}`))?.status()).toBe(404)
  expect(await stranger.locator('main').innerText()).toBe(missingText)
  expect((await stranger.goto('/collections/nosuchcollection0'))?.status()).toBe(404)
  await stranger.close()
})

test('a dancer uploads a song, sees "Analysing…", then what the analysis found before generating', async ({ page }) => {
  await signUp(page, 'uploader')
  await page.goto('/generate')
  await page.getByText('Or upload your own song').click()
  // The test seed wrote the demo songs; re-encoded here, it is content no one has uploaded.
  await page.locator('input[type="file"]').setInputFiles(await reencodedMp3('.data/demo-songs/lenta-105.wav', 120))
  // The upload answers before the analysis: an announced status while the page polls.
  await expect(page.getByRole('status').filter({ hasText: 'Analysing…' })).toBeVisible({ timeout: 60_000 })
  const plot = page.getByTestId('analysis-plot')
  await expect(plot).toBeVisible({ timeout: 60_000 })
  await expect(plot).toContainText(/Tempo 10[3-7] BPM/)
  expect(await plot.locator('[data-kind="count-one"]').count()).toBeGreaterThan(10)
  // The loudness curve comes from its own endpoint and is drawn under the phrase energy.
  await expect(plot.locator('[data-kind="energy-envelope"]')).toHaveCount(1)
  await expect(page.getByRole('radio', { name: /lenta 105/ })).toBeChecked()
  await shoot(page, 'generate-uploaded')
})

test('a dancer uploads white noise: "Analysing…", then the reason it failed, and deletes it', async ({ page }) => {
  await signUp(page, 'noise')
  await page.goto('/generate')
  await page.getByText('Or upload your own song').click()
  await page.locator('input[type="file"]').setInputFiles(await whiteNoiseMp3(Date.now() % 100_000))
  await expect(page.getByRole('status').filter({ hasText: 'Analysing…' })).toBeVisible({ timeout: 60_000 })
  const failed = page.getByRole('alert').filter({ hasText: 'could not be analysed' })
  await expect(failed).toContainText('No steady beat found in this audio', { timeout: 60_000 })
  await expect(page.getByRole('status').filter({ hasText: 'Analysing…' })).toHaveCount(0)
  const mine = async () => (await (await page.request.get('/api/songs?mine=true')).json()).total as number
  expect(await mine()).toBe(1)
  await failed.getByRole('button', { name: 'Delete it' }).click()
  await expect(failed).toHaveCount(0)
  expect(await mine()).toBe(0)
})
