/**
 * npm run icons — regenerates the raster icons and the Open Graph image in public/ from
 * public/favicon.svg with the test browser (Chromium draws the SVG) and FFmpeg (the .ico).
 * Run by hand after changing the mark; the results are committed, nothing runs at build.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { runFfmpeg } from '@/lib/engines/media/ffmpeg'
import { findBrowser } from './lib/find-browser'

const PUBLIC = path.resolve('public')

async function main() {
  const svg = await readFile(path.join(PUBLIC, 'favicon.svg'), 'utf8')
  const browser = await chromium.launch({ ...findBrowser().launch })
  try {
    const page = await browser.newPage()
    for (const [name, size] of [['icon-512.png', 512], ['icon-192.png', 192], ['apple-touch-icon.png', 180], ['icon-32.png', 32]] as const) {
      await page.setViewportSize({ width: size, height: size })
      await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`)
      await page.screenshot({ path: path.join(PUBLIC, name), omitBackground: true })
    }
    await page.setViewportSize({ width: 1200, height: 630 })
    await page.setContent(`<style>
      body{margin:0;width:1200px;height:630px;display:flex;align-items:center;gap:56px;padding:0 96px;box-sizing:border-box;
        background:linear-gradient(135deg,#fff1f2,#ffe4e6);font-family:"DejaVu Sans",sans-serif;color:#1c1917}
      svg{width:260px;height:260px;flex:none} h1{font-size:76px;margin:0 0 20px} p{font-size:36px;margin:0;color:#9f1239;line-height:1.3}
    </style>${svg}<div><h1>Bachata Buddy</h1><p>A song and a sentence in, a danceable bachata choreography video out.</p></div>`)
    await page.screenshot({ path: path.join(PUBLIC, 'og-image.jpg'), type: 'jpeg', quality: 85 })
  } finally {
    await browser.close()
  }
  await runFfmpeg(['-y', '-i', path.join(PUBLIC, 'icon-32.png'), path.join(PUBLIC, 'favicon.ico')])
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
