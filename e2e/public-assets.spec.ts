import { expect, test } from '@playwright/test'

test('the browser finds the icons, the web manifest, the share image and robots.txt', async ({ page, request }) => {
  await page.goto('/')
  // The head links to icons and a manifest that exist.
  const hrefs = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]').evaluateAll(
    (links) => links.map((l) => (l as HTMLLinkElement).getAttribute('href')!),
  )
  expect(hrefs).toEqual(expect.arrayContaining(['/favicon.ico', '/favicon.svg', '/apple-touch-icon.png', '/manifest.webmanifest']))
  for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200)

  const manifest = await (await request.get('/manifest.webmanifest')).json()
  expect(manifest.name).toBe('Bachata Buddy')
  for (const icon of manifest.icons as Array<{ src: string }>) {
    const res = await request.get(icon.src)
    expect(res.status(), icon.src).toBe(200)
    expect(res.headers()['content-type'], icon.src).toMatch(/^image\//)
  }

  // Open Graph needs an absolute image URL: it comes from APP_URL.
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content')
  expect(ogImage).toMatch(/^https?:\/\/[^/]+\/og-image\.jpg$/)
  const og = await request.get(new URL(ogImage!).pathname)
  expect(og.headers()['content-type']).toBe('image/jpeg')
  expect((await og.body()).length).toBeGreaterThan(10_000)

  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toMatch(/^User-agent: \*$/m)
  expect(robots).toMatch(/^Disallow: \/api\/$/m)
})
