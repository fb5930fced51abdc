/**
 * Seeds the demo accounts (idempotent: re-running updates nothing it already made).
 * Passwords come from DEMO_PASSWORD, or a default that the demo prints; never run this
 * against a production database.
 */
import { getDb, disconnectDb } from '@/lib/shared/db'
import { hashPassword } from '@/lib/shared/auth/password'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts'
import { demoCatalog } from '@/scripts/demo/library/demo-catalog'
import { clipDurationSeconds } from '@/scripts/demo/library/beat-marker'

async function main() {
  const db = getDb()
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: account.email },
      update: {},
      create: { ...account, passwordHash },
    })
    if (account.role === 'INSTRUCTOR') {
      await db.instructorProfile.upsert({
        where: { userId: user.id },
        update: {},
        create: { userId: user.id, bio: 'Teaches sensual and traditional bachata.', school: 'Demo Dance Studio' },
      })
    }
  }
  // The demo move library's annotations. Clips live at clips/demo/<id>.mp4 in storage
  // (`npm run gen:library` renders them); rows already present are left as curated.
  for (const m of demoCatalog()) {
    await db.move.upsert({
      where: { id: m.id },
      update: {},
      create: {
        ...m, entry: m.entry, exit: m.exit,
        clipKey: `clips/demo/${m.id}.mp4`, posterKey: `posters/demo/${m.id}.jpg`,
        durationSeconds: clipDurationSeconds(m),
      },
    })
  }
  console.log(JSON.stringify({ seeded: DEMO_ACCOUNTS.map((a) => a.email), password: DEMO_PASSWORD }))
}

main()
  .then(() => disconnectDb())
  .catch(async (e) => {
    console.error(e)
    await disconnectDb()
    process.exit(1)
  })
