import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { EnvSchema } from '@/lib/shared/env'
import { createStorage } from '@/lib/shared/storage/get-storage'
import { S3Storage } from '@/lib/shared/storage/s3-storage'

// A fresh key pair per run: what CloudFront holds (public) and the app's secret (private).
function keyPair(): { publicKey: KeyObject; privatePem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return { publicKey, privatePem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString() }
}

const CDN = 'https://media.example.test'
const HOURS_4 = 4 * 3600

/**
 * CloudFront's own check of a canned-policy URL, written from its documentation (not from the
 * signer): the policy is this exact JSON for the URL without its query; the signature is
 * RSA-SHA1 over it, base64 with + = / written as - _ ~.
 */
function cloudFrontAccepts(signed: string, publicKey: KeyObject, nowSeconds: number): boolean {
  const url = new URL(signed)
  const expires = Number(url.searchParams.get('Expires'))
  const signature = Buffer.from(url.searchParams.get('Signature')!.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64')
  const resource = `${url.origin}${url.pathname}`
  const policy = `{"Statement":[{"Resource":"${resource}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`
  return verify('RSA-SHA1', Buffer.from(policy), publicKey, signature) && nowSeconds < expires
}

describe('media links through CloudFront', () => {
  const keys = keyPair()
  const storage = new S3Storage({
    bucket: 'media', region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    cdn: { baseUrl: `${CDN}/`, keyPairId: 'K2JCJMDEHXQW5F', privateKey: keys.privatePem, ttlSeconds: HOURS_4 },
  })

  it('a read URL is a CloudFront signed URL for the key, verified by the public key, valid for the session', async () => {
    const before = Math.floor(Date.now() / 1000)
    const signed = await storage.signedUrl('outputs/abc123/video.mp4', { expiresInSeconds: 300 })
    const url = new URL(signed)
    expect(`${url.origin}${url.pathname}`).toBe(`${CDN}/outputs/abc123/video.mp4`)
    expect(url.searchParams.get('Key-Pair-Id')).toBe('K2JCJMDEHXQW5F')
    const expires = Number(url.searchParams.get('Expires'))
    // The configured practice-session lifetime, not the caller's 5 minutes.
    expect(expires).toBeGreaterThanOrEqual(before + HOURS_4)
    expect(expires).toBeLessThanOrEqual(before + HOURS_4 + 5)
    expect(cloudFrontAccepts(signed, keys.publicKey, before)).toBe(true)
    // Past its expiry, CloudFront refuses it (the player then asks the app for a new link).
    expect(cloudFrontAccepts(signed, keys.publicKey, expires)).toBe(false)
  })

  it('the signature covers the path and the expiry: a changed one, or another key, fails', async () => {
    const now = Math.floor(Date.now() / 1000)
    const signed = await storage.signedUrl('outputs/abc123/video.mp4')
    const otherPath = signed.replace('abc123', 'abc124')
    const longer = new URL(signed)
    longer.searchParams.set('Expires', String(Number(longer.searchParams.get('Expires')) + 3600))
    expect(cloudFrontAccepts(otherPath, keys.publicKey, now)).toBe(false)
    expect(cloudFrontAccepts(longer.toString(), keys.publicKey, now)).toBe(false)
    expect(cloudFrontAccepts(signed, keyPair().publicKey, now)).toBe(false)
  })

  it('a download stays an S3 presigned URL (only S3 sets the attachment filename)', async () => {
    const signed = new URL(await storage.signedUrl('outputs/abc123/video.mp4', { downloadName: 'bachata.mp4' }))
    expect(signed.origin).not.toBe(CDN)
    expect(signed.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
    expect(signed.searchParams.get('response-content-disposition')).toContain('bachata.mp4')
  })
})

describe('CloudFront configuration from the environment', () => {
  const keys = keyPair()
  // The S3 fallback presigns with the SDK's default credential chain.
  beforeAll(() => { vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE'); vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret') })
  afterAll(() => { vi.unstubAllEnvs() })
  const base = { DATABASE_URL: 'postgresql://x@localhost/x', STORAGE_DRIVER: 's3', S3_BUCKET: 'media' }

  it('MEDIA_CDN_URL with a key pair id and a PEM key (line breaks written as \\n) signs through CloudFront for 4 h by default', async () => {
    const env = EnvSchema.parse({
      ...base, MEDIA_CDN_URL: CDN, CLOUDFRONT_KEY_PAIR_ID: 'KID', CLOUDFRONT_PRIVATE_KEY: keys.privatePem.replace(/\n/g, '\\n'),
    })
    expect(env.MEDIA_URL_TTL_SECONDS).toBe(HOURS_4)
    const signed = (await createStorage(env).signedUrl('posters/p1.jpg'))!
    expect(signed.startsWith(`${CDN}/posters/p1.jpg?`)).toBe(true)
    expect(cloudFrontAccepts(signed, keys.publicKey, Math.floor(Date.now() / 1000))).toBe(true)
  })

  it('a CDN URL without its key is a startup error naming what is missing', () => {
    const env = EnvSchema.parse({ ...base, MEDIA_CDN_URL: CDN, CLOUDFRONT_KEY_PAIR_ID: 'KID' })
    expect(() => createStorage(env)).toThrow(/CLOUDFRONT_PRIVATE_KEY: required when MEDIA_CDN_URL is set/)
  })

  it("the secret's placeholder (not a PEM key yet) falls back to S3 presigned URLs", async () => {
    const env = EnvSchema.parse({ ...base, MEDIA_CDN_URL: CDN, CLOUDFRONT_KEY_PAIR_ID: 'KID', CLOUDFRONT_PRIVATE_KEY: 'placeholder0123456789' })
    const signed = new URL((await createStorage(env).signedUrl('posters/p1.jpg'))!)
    expect(signed.origin).not.toBe(CDN)
    expect(signed.searchParams.has('X-Amz-Signature')).toBe(true)
  })
})
