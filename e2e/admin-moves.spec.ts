import { expect, test, type Page } from '@playwright/test'
import { makeClipWithMusic, makeSilentClip } from '../tests/fixtures/clip-with-music'
import { demoCatalog } from '../scripts/demo/library/demo-catalog'
import { shoot, signIn } from './helpers'

test.setTimeout(180_000)

/** The dancer-facing library, searched by words: the names of the cards it shows. */
async function libraryNames(page: Page, q: string) {
  await page.goto(`/moves?q=${encodeURIComponent(q)}`)
  await expect(page.getByRole('heading', { name: 'Move library' })).toBeVisible()
  return page.getByTestId('move-card').locator('h3').allTextContents()
}

test('an instructor ingests a clip with its music through the form, fixes a server field error, finds it in /moves, edits, re-embeds, disables and enables it', async ({ page }) => {
  const clip = await makeClipWithMusic('.data/test-fixtures/admin-moves', { bpm: 120, leadInSeconds: 1.3, phrases: 3 })
  await signIn(page, 'INSTRUCTOR')

  // The list: every move with its poster, filters in the address.
  await page.goto('/admin/moves')
  await expect(page.getByRole('heading', { name: 'Moves', level: 1 })).toBeVisible()
  const rows = page.getByRole('list', { name: 'Moves' }).getByRole('listitem')
  await expect(rows.first()).toBeVisible()
  // Enabled and disabled alike, a page at a time.
  await expect(rows.filter({ hasText: 'Disabled' }).first()).toBeVisible()
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next' }).click()
  await expect(page).toHaveURL(/page=2/)
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(/Page 2 of \d+/)
  await expect(rows.first()).toBeVisible()
  await page.getByLabel('Family').selectOption('dip')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/family=dip/)
  await expect(page.getByLabel('Family')).toHaveValue('dip')
  expect((await rows.allTextContents()).every((t) => t.includes('dip'))).toBe(true)
  const thumb = rows.first().locator('img')
  expect(await thumb.evaluate((img: HTMLImageElement) => img.src)).toMatch(/\/api\/moves\/.+\/poster/)
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
  await shoot(page, 'admin-moves')

  // Ingest: the clip's own music fills the tempo and first count.
  await page.getByRole('link', { name: 'Ingest a clip' }).click()
  await expect(page).toHaveURL(/\/admin\/moves\/new$/)
  await page.getByLabel('Clip', { exact: true }).setInputFiles(clip.file)
  const timing = page.getByRole('status').filter({ hasText: 'music' })
  await expect(timing).toContainText('BPM', { timeout: 30_000 })
  await expect(timing).toContainText(/first count at \d+\.\d\d s/)
  const bpm = page.getByLabel('Native tempo (BPM)')
  const first = page.getByLabel('First count at (seconds)')
  expect(Math.abs(Number(await bpm.inputValue()) - clip.bpm) / clip.bpm).toBeLessThan(0.02)
  expect(Math.abs(Number(await first.inputValue()) - clip.firstCountOffset)).toBeLessThan(1 / 30)
  // A tempo the music contradicts gets a warning beside the field; agreeing again clears it.
  await bpm.fill('132')
  await expect(bpm).toHaveAccessibleDescription(/Warning: the clip's music is at 12\d(\.\d)? BPM/)
  await bpm.fill('120')
  await expect(bpm).not.toHaveAccessibleDescription(/Warning/)

  await page.getByLabel('Id', { exact: true }).fill('Jasmine Glide') // not a slug: the server says so
  await page.getByLabel('Name', { exact: true }).fill('Jasmine glide')
  await page.getByLabel('Family').selectOption('lady-turn')
  await page.getByLabel('Variant').fill('glide')
  await page.getByLabel('Level').selectOption('beginner')
  await page.getByLabel('Energy').selectOption('low')
  await page.getByRole('group', { name: 'Styles' }).getByLabel('sensual').check()
  await page.getByRole('group', { name: 'Moods' }).getByLabel('romantic').check()
  for (const side of ['Entry', 'Exit']) {
    await page.getByLabel(`${side} hold`).selectOption('closed')
    await page.getByLabel(`${side} lead weight`).selectOption('left')
    await page.getByLabel(`${side} facing`).selectOption('face-to-face')
  }
  await page.getByLabel('Description').fill('A gentle gliding turn with jasmine-soft arms.')
  await page.getByLabel('Tags (comma separated)').fill('jasmine, glide')
  await page.getByRole('button', { name: 'Ingest move' }).click()

  const id = page.getByLabel('Id', { exact: true })
  await expect(id).toHaveAttribute('aria-invalid', 'true')
  await expect(id).toHaveAccessibleDescription(/lowercase words joined by hyphens/)
  await expect(page.getByRole('form', { name: 'Ingest a move' }).getByRole('alert')).toContainText('The move was not saved')
  await expect(page.getByLabel('Name', { exact: true })).not.toHaveAttribute('aria-invalid')
  await shoot(page, 'admin-move-new')

  await id.fill('jasmine-glide')
  await page.getByRole('button', { name: 'Ingest move' }).click()
  await expect(page.getByRole('heading', { name: '“Jasmine glide” is in the library' })).toBeVisible({ timeout: 60_000 })
  const video = page.getByLabel('Normalised clip of Jasmine glide')
  await expect(video).toHaveAttribute('src', /\/api\/moves\/jasmine-glide\/clip/)
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThan(0)
  const poster = page.getByRole('img', { name: 'Poster of Jasmine glide' })
  await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)

  // The dancer-facing library finds it at once, by its words.
  expect((await libraryNames(page, 'jasmine glide'))[0]).toBe('Jasmine glide')

  // Edit: the same form, pre-filled.
  await page.goto('/admin/moves/jasmine-glide')
  await expect(page.getByRole('heading', { name: 'Edit “Jasmine glide”' })).toBeVisible()
  await expect(page.getByLabel('Family')).toHaveValue('lady-turn')
  await expect(page.getByLabel('Entry hold')).toHaveValue('closed')
  await expect(page.getByRole('group', { name: 'Styles' }).getByLabel('sensual')).toBeChecked()
  // A contradiction across fields comes back on the nested field it names (exit.facing).
  await page.getByLabel('Exit hold').selectOption('shadow')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByLabel('Exit facing')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Exit facing')).toHaveAccessibleDescription(/a shadow hold is danced same-direction/)
  await expect(page.getByRole('form', { name: 'Edit the move' }).getByRole('alert')).toContainText('Check the fields marked below')
  await page.getByLabel('Exit hold').selectOption('closed')
  await page.getByLabel('Name', { exact: true }).fill('Jasmine glide turn')
  await page.getByLabel('Tags (comma separated)').fill('jasmine, glide, magnolia')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Saved. Search finds the move by its new words now.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Edit “Jasmine glide turn”' })).toBeVisible()
  await page.getByRole('button', { name: 'Re-embed now' }).click()
  await expect(page.getByText(/Re-embedded with \S+ \(\d+ dimensions/)).toBeVisible()
  await shoot(page, 'admin-move-edit')
  expect(await libraryNames(page, 'magnolia')).toContain('Jasmine glide turn')

  // Disable: gone from the library; the admin list still shows it, as disabled.
  await page.goto('/admin/moves/jasmine-glide')
  await page.getByRole('button', { name: 'Disable move' }).click()
  await expect(page.getByRole('heading', { name: 'Status: disabled' })).toBeVisible()
  expect(await libraryNames(page, 'jasmine glide')).not.toContain('Jasmine glide turn')
  await page.goto('/admin/moves?q=jasmine&enabled=false')
  await expect(rows.filter({ hasText: 'Jasmine glide turn' })).toContainText('Disabled')

  // Enable again: back in the library.
  await rows.filter({ hasText: 'Jasmine glide turn' }).getByRole('link').click()
  await expect(page).toHaveURL(/\/admin\/moves\/jasmine-glide$/)
  await page.getByRole('button', { name: 'Enable move' }).click()
  await expect(page.getByRole('heading', { name: 'Status: enabled' })).toBeVisible()
  expect((await libraryNames(page, 'jasmine glide'))[0]).toBe('Jasmine glide turn')
})

test('a clip without a sound track: the form says so, fills nothing and warns of nothing', async ({ page }) => {
  const clip = await makeSilentClip('.data/test-fixtures/admin-moves')
  await signIn(page, 'INSTRUCTOR')
  await page.goto('/admin/moves/new')
  await page.getByLabel('Clip', { exact: true }).setInputFiles(clip)
  await expect(page.getByRole('status').filter({ hasText: 'sound track' })).toContainText('This clip has no sound track')
  const bpm = page.getByLabel('Native tempo (BPM)')
  await expect(bpm).toHaveValue('')
  await bpm.fill('175')
  await expect(bpm).not.toHaveAccessibleDescription(/Warning/)
})

test('an instructor sees a demo move (added by nobody) view only', async ({ page }) => {
  const demo = demoCatalog()[0]
  await signIn(page, 'INSTRUCTOR')
  await page.goto(`/admin/moves?q=${encodeURIComponent(demo.name)}`)
  const row = page.getByRole('list', { name: 'Moves' }).getByRole('listitem').filter({ hasText: demo.name }).first()
  await expect(row).toContainText('View only')
  await expect(row.getByRole('link')).toHaveAccessibleName(`${demo.name} (view)`)
  await row.getByRole('link').click()
  await expect(page.getByRole('heading', { name: `“${demo.name}”`, exact: true })).toBeVisible()
  await expect(page.getByRole('note')).toContainText('Only the instructor who added this move, or an admin, may change it')
  // Nothing offered that the server would refuse: no save, disable or re-embed; the fields are read only.
  for (const name of ['Save changes', 'Disable move', 'Enable move', 'Re-embed now']) {
    await expect(page.getByRole('button', { name })).toHaveCount(0)
  }
  await expect(page.getByLabel('Name', { exact: true })).toBeDisabled()
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(demo.name)
})

test('an admin gets the edit controls on the same demo move', async ({ page }) => {
  const demo = demoCatalog()[0]
  await signIn(page, 'ADMIN')
  await page.goto(`/admin/moves/${demo.id}`)
  await expect(page.getByRole('heading', { name: `Edit “${demo.name}”` })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Re-embed now' })).toBeVisible()
  await expect(page.getByLabel('Name', { exact: true })).toBeEnabled()
  await expect(page.getByRole('note')).toHaveCount(0)
})

test('a dancer gets the 403 page on the ingest and edit pages too', async ({ page }) => {
  await signIn(page, 'USER')
  for (const path of ['/admin/moves/new', '/admin/moves/jasmine-glide']) {
    const res = await page.goto(path)
    expect(res?.status(), path).toBe(403)
  }
})
