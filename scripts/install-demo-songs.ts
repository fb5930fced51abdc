/**
 * `npx tsx scripts/install-demo-songs.ts`: the demo songs as PUBLIC songs with their analysis
 * (run by `npm run demo` and the test runner after the seed). Needs DATABASE_URL; storage
 * from the same env as the app (DATA_DIR / STORAGE_DRIVER).
 */
import { disconnectDb, getDb } from '@/lib/shared/db'
import { getStorage } from '@/lib/shared/storage/get-storage'
import { DEMO_ACCOUNTS } from '@/prisma/demo-accounts'
import { installDemoSongs } from '@/scripts/demo/songs/install-demo-songs'

async function main() {
  const email = DEMO_ACCOUNTS.find((a) => a.role === 'INSTRUCTOR')!.email
  const owner = await getDb().user.findUnique({ where: { email } })
  if (!owner) throw new Error(`the demo instructor ${email} is missing: run the seed first (npm run db:seed)`)
  const started = Date.now()
  const r = await installDemoSongs({
    storage: getStorage(), ownerId: owner.id,
    onProgress: (done, total, title) => console.log(`[demo-songs] ${done}/${total} ${title}`),
  })
  console.log(`[demo-songs] ${r.created} added, ${r.updated} re-analysed, ${r.kept} already there (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

main()
  .then(() => disconnectDb())
  .catch(async (e) => {
    console.error(`[demo-songs] failed: ${e instanceof Error ? e.message : e}`)
    await disconnectDb()
    process.exit(1)
  })
