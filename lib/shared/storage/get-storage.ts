import { getEnv, type Env } from '@/lib/shared/env'
import { LocalStorage } from './local-storage'
import { S3Storage } from './s3-storage'
import type { Storage } from './storage'

let instance: Storage | undefined

/** The storage an environment describes. S3 credentials come from the AWS SDK's default
 * chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or the task role in AWS). */
export function createStorage(env: Pick<Env, 'STORAGE_DRIVER' | 'DATA_DIR' | 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION'>): Storage {
  if (env.STORAGE_DRIVER === 's3') {
    if (!env.S3_BUCKET) throw new Error('Invalid environment:\n  S3_BUCKET: required when STORAGE_DRIVER=s3')
    return new S3Storage({ bucket: env.S3_BUCKET, endpoint: env.S3_ENDPOINT, region: env.S3_REGION })
  }
  return new LocalStorage(env.DATA_DIR)
}

/** The configured storage, created once per process. */
export function getStorage(): Storage {
  instance ??= createStorage(getEnv())
  return instance
}
