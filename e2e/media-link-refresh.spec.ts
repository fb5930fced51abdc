import { expect, test, type Route } from '@playwright/test'
import { signUp } from './helpers'

test.setTimeout(180_000)

/**
 * A signed media link that expires mid-practice (CloudFront/S3 answer 403 to the next range
 * request): the player asks the app for a fresh link and carries on where it was, at the
 * same speed. The test app serves media itself, so the expiry is staged on the wire: the
 * first response carries only the start of the file, and the request for the rest is held
 * until the video has played a while, then answered 403 as an expired signature would be.
 */
test('an expired media link is refreshed and playback resumes at the same time and speed', async ({ page }) => {
  await signUp(page, 'media-link')
  await page.goto('/generate')
  await page.getByRole('radiogroup', { name: 'Songs' }).getByRole('radio').first().check()
  await page.getByLabel('Your request').fill('beginner routine, 30 seconds')
  await page.getByRole('button', { name: 'Read my request' }).click()
  await expect(page.getByLabel('Length in seconds')).toHaveValue('30')

  let expire!: () => void
  const expired = new Promise<void>((resolve) => { expire = resolve })
  const served: string[] = []
  let firstServed = false
  await page.route(/\/api\/choreographies\/[a-z0-9]+\/video(\?|$)/, async (route: Route) => {
    const url = new URL(route.request().url())
    served.push(`${url.search} ${route.request().headers().range ?? ''}`)
    if (url.searchParams.has('fresh')) return route.continue()
    if (firstServed) {
      await expired
      return route.fulfill({ status: 403, contentType: 'application/xml', body: '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>' })
    }
    firstServed = true
    // The start of the file only (moov is up front: +faststart), as a valid partial response.
    const res = await route.fetch({ headers: { ...route.request().headers(), range: 'bytes=0-' } })
    const body = await res.body()
    const total = Number(/\/(\d+)$/.exec(res.headers()['content-range'] ?? '')?.[1] ?? body.length)
    const part = body.subarray(0, Math.floor(total * 0.4))
    return route.fulfill({
      status: 206, body: part,
      headers: { 'content-type': 'video/mp4', 'accept-ranges': 'bytes', 'content-range': `bytes 0-${part.length - 1}/${total}` },
    })
  })

  await page.getByRole('button', { name: 'Generate choreography' }).click()
  await expect(page).toHaveURL(/\/choreographies\/[a-z0-9]+$/)
  const video = page.getByTestId('practice-video')
  await expect(video).toBeVisible({ timeout: 120_000 })
  // Note the time at the failure and at the first seek after it, in the page itself.
  await video.evaluate((v: HTMLVideoElement) => {
    const w = window as unknown as { errorAt?: number; resumedAt?: number }
    v.addEventListener('error', () => { w.errorAt ??= v.currentTime })
    v.addEventListener('seeked', () => { if (w.errorAt !== undefined) w.resumedAt ??= v.currentTime })
  })

  await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.75')
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  const time = () => video.evaluate((v: HTMLVideoElement) => v.currentTime)
  await expect.poll(time, { timeout: 15_000 }).toBeGreaterThan(1)
  expire()

  const marks = () => page.evaluate(() => {
    const w = window as unknown as { errorAt?: number; resumedAt?: number }
    return { errorAt: w.errorAt, resumedAt: w.resumedAt }
  })
  await expect.poll(async () => (await marks()).resumedAt, { timeout: 60_000 }).toBeDefined()
  const { errorAt, resumedAt } = await marks()
  expect(errorAt).toBeGreaterThan(1)
  // Where it stopped, not back at the start.
  expect(Math.abs(resumedAt! - errorAt!)).toBeLessThan(0.05)
  await expect(video).toHaveAttribute('src', /[?&]fresh=1$/)
  expect(served.some((s) => s.includes('fresh=1'))).toBe(true)
  // Playing again, at the dancer's speed, onwards from there.
  await expect.poll(time, { timeout: 15_000 }).toBeGreaterThan(resumedAt! + 0.5)
  expect(await video.evaluate((v: HTMLVideoElement) => ({ rate: v.playbackRate, paused: v.paused, error: v.error?.code ?? null })))
    .toEqual({ rate: 0.75, paused: false, error: null })
})
