import type { Readable } from 'node:stream'

/** What head() tells: the size, and a version that changes whenever the bytes may have. */
export interface ObjectInfo {
  size: number
  version?: string
}

/**
 * Where a render reads its clips and song from. The app's Storage (lib/shared/storage)
 * satisfies it as it is; the engine names only what it uses, so it never depends on the
 * storage layer and a test can hand it anything that streams bytes.
 */
export interface ObjectSource {
  head(key: string): Promise<ObjectInfo | null>
  get(key: string): Promise<{ stream: Readable }>
}
