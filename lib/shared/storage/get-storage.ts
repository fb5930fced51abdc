import { createPrivateKey } from 'node:crypto'
import { getEnv, type Env } from '@/lib/shared/env'
import { logger } from '@/lib/shared/logger'
import { LocalStorage } from './local-storage'
import { S3Storage } from './s3-storage'
import type { CdnSigning } from './sign-cdn-url'
import type { Storage } from './storage'

let instance: Storage | undefined

type StorageEnv = Pick<Env, 'STORAGE_DRIVER' | 'DATA_DIR' | 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION'
  | 'MEDIA_CDN_URL' | 'CLOUDFRONT_KEY_PAIR_ID' | 'CLOUDFRONT_PRIVATE_KEY' | 'MEDIA_URL_TTL_SECONDS'>

/** The storage an environment describes. S3 credentials come from the AWS SDK's default
 * chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or the task role in AWS). */
export function createStorage(env: StorageEnv): Storage {
  if (env.STORAGE_DRIVER === 's3') {
    if (!env.S3_BUCKET) throw new Error('Invalid environment:\n  S3_BUCKET: required when STORAGE_DRIVER=s3')
    return new S3Storage({ bucket: env.S3_BUCKET, endpoint: env.S3_ENDPOINT, region: env.S3_REGION, cdn: cdnSigningOf(env) })
  }
  return new LocalStorage(env.DATA_DIR)
}

/**
 * CloudFront signing when MEDIA_CDN_URL is set. A half-configured CDN is a startup error; a
 * private key that is not one yet (the secret's placeholder before the operator stores the
 * PEM, docs/deploy.md) falls back to S3 presigned URLs, which the web role can still make.
 */
export function cdnSigningOf(env: StorageEnv): CdnSigning | undefined {
  if (!env.MEDIA_CDN_URL) return undefined
  const missing = (['CLOUDFRONT_KEY_PAIR_ID', 'CLOUDFRONT_PRIVATE_KEY'] as const).filter((k) => !env[k])
  if (missing.length) throw new Error(`Invalid environment:\n${missing.map((k) => `  ${k}: required when MEDIA_CDN_URL is set`).join('\n')}`)
  try {
    createPrivateKey(env.CLOUDFRONT_PRIVATE_KEY!)
  } catch {
    logger.warn('CLOUDFRONT_PRIVATE_KEY is not a PEM private key: media links are S3 presigned URLs until it is set')
    return undefined
  }
  return {
    baseUrl: env.MEDIA_CDN_URL, keyPairId: env.CLOUDFRONT_KEY_PAIR_ID!,
    privateKey: env.CLOUDFRONT_PRIVATE_KEY!, ttlSeconds: env.MEDIA_URL_TTL_SECONDS,
  }
}

/** The configured storage, created once per process. */
export function getStorage(): Storage {
  instance ??= createStorage(getEnv())
  return instance
}
