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
