import { getEnv } from '@/lib/env'
import { LocalStorage } from './local-storage'
import type { Storage } from './storage'

let instance: Storage | undefined

/** The configured storage, created once per process. */
export function getStorage(): Storage {
  if (!instance) {
    const env = getEnv()
    if (env.STORAGE_DRIVER === 's3') throw new Error('STORAGE_DRIVER=s3 is not available yet (arrives with the render worker)')
    instance = new LocalStorage(env.DATA_DIR)
  }
  return instance
}
