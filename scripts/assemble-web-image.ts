import { assembleWebImage } from './lib/assemble-web-image'

/** For the Dockerfile: `tsx scripts/assemble-web-image.ts OUT` lays out the web image's /app. */
const out = process.argv[2]
if (!out) {
  console.error('usage: tsx scripts/assemble-web-image.ts OUT')
  process.exit(2)
}
assembleWebImage({ root: '.', out })
console.log(`web image laid out in ${out}`)
