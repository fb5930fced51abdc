import { execa } from 'execa'

/** Applies committed migrations (offline, Prisma's JS schema engine) and optionally seeds. */
export async function migrateDatabase(url: string): Promise<void> {
  await execa('npx', ['prisma', 'migrate', 'deploy'], { env: { DATABASE_URL: url }, stdio: 'pipe' })
}

export async function seedDatabase(url: string, extraEnv: Record<string, string> = {}): Promise<string> {
  const { stdout } = await execa('npx', ['tsx', 'prisma/seed.ts'], { env: { DATABASE_URL: url, ...extraEnv }, stdio: 'pipe' })
  return stdout
}

/** Word vectors for move search, in a child process so its 1 GB peak is never ours. */
export async function setupModels(): Promise<void> {
  await execa('npx', ['tsx', 'scripts/setup-models.ts'], { stdio: 'pipe' })
}

/** The demo songs as PUBLIC songs with their analysis, into the storage `env` names. */
export async function installDemoSongs(url: string, extraEnv: Record<string, string> = {}): Promise<string> {
  const { stdout } = await execa('npx', ['tsx', 'scripts/install-demo-songs.ts'], { env: { DATABASE_URL: url, ...extraEnv }, stdio: 'pipe' })
  return stdout.trim().split('\n').pop() ?? ''
}

/**
 * For end-to-end renders: the 12-clip demo subset (with posters) in the test storage and
 * only those moves enabled, so every blueprint the app builds can be rendered quickly.
 */
export async function prepareE2eRendering(url: string, dataDir: string): Promise<void> {
  const [{ default: pg }, { installDemoLibrary }, { demoSubset }, { LocalStorage }] = await Promise.all([
    import('pg'), import('@/scripts/demo/library/install-demo-library'), import('@/scripts/demo/library/demo-catalog'),
    import('@/lib/shared/storage/local-storage'),
  ])
  await installDemoLibrary({ storage: new LocalStorage(dataDir), subset: true })
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('UPDATE "Move" SET enabled = (id = ANY($1))', [demoSubset().map((m) => m.id)])
  } finally {
    await client.end()
  }
}
