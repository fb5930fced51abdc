import { describe, expect, it } from 'vitest'
import { buildContentSecurityPolicy, storageOrigins } from '@/lib/shared/http/content-security-policy'

/** directive → its sources, read back off the header value. */
const directives = (policy: string) =>
  new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]))

describe('the Content Security Policy', () => {
  const base = { nonce: 'abc123==', dev: false, https: true, storageOrigins: [] }

  it('runs scripts only with the nonce: no inline or eval in production, nothing foreign', () => {
    const d = directives(buildContentSecurityPolicy(base))
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"])
    expect(d.get('object-src')).toEqual(["'none'"])
    expect(d.get('base-uri')).toEqual(["'self'"])
    expect(d.get('frame-ancestors')).toEqual(["'none'"])
    expect(d.has('upgrade-insecure-requests')).toBe(true)
  })

  it('allows eval only in development, and upgrades requests only over https', () => {
    const d = directives(buildContentSecurityPolicy({ ...base, dev: true, https: false }))
    expect(d.get('script-src')).toContain("'unsafe-eval'")
    expect(d.has('upgrade-insecure-requests')).toBe(false)
  })

  it('lets media and images come from the storage that signed reads redirect to', () => {
    const d = directives(buildContentSecurityPolicy({ ...base, storageOrigins: ['https://media.s3.eu-west-1.amazonaws.com'] }))
    expect(d.get('media-src')).toContain('https://media.s3.eu-west-1.amazonaws.com')
    expect(d.get('img-src')).toContain('https://media.s3.eu-west-1.amazonaws.com')
    expect(d.get('script-src')).not.toContain('https://media.s3.eu-west-1.amazonaws.com')
  })

  it('names the storage origin for each driver', () => {
    expect(storageOrigins({ STORAGE_DRIVER: 'local' })).toEqual([])
    expect(storageOrigins({ STORAGE_DRIVER: 's3', S3_ENDPOINT: 'http://127.0.0.1:4569/some/path' })).toEqual(['http://127.0.0.1:4569'])
    expect(storageOrigins({ STORAGE_DRIVER: 's3', S3_BUCKET: 'bb-media', S3_REGION: 'eu-west-1' }))
      .toEqual(['https://bb-media.s3.eu-west-1.amazonaws.com', 'https://bb-media.s3.amazonaws.com'])
  })
})
