import { describe, expect, it } from 'vitest'
import { build, resourcesOf, TARGETS } from './helpers'

/** AWS managed policy ids (CachePolicy.CACHING_DISABLED, OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER). */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad'
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac'
const YEAR = 365 * 24 * 3600

describe.each(TARGETS)('edge stack (compute=%s)', (compute) => {
  const t = () => build('prod', compute).template('edge')
  const distribution = () => resourcesOf(t(), 'AWS::CloudFront::Distribution')[0][1].Properties.DistributionConfig
  const behavior = (path: string) => distribution().CacheBehaviors.find((b: any) => b.PathPattern === path)
  const cachePolicy = (ref: any) => t().toJSON().Resources[ref.Ref].Properties.CachePolicyConfig

  it('sends app traffic to the web origin over HTTPS only', () => {
    const origins = distribution().Origins
    const app = origins.find((o: any) => o.CustomOriginConfig)
    expect(app.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only')
    expect(JSON.stringify(app.DomainName)).toContain(compute === 'ecs' ? 'EcsWebService' : 'AppRunnerWebService')
    expect(distribution().DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https')
  })

  it('caches /_next/static/* for a year', () => {
    const p = cachePolicy(behavior('/_next/static/*').CachePolicyId)
    expect(p).toMatchObject({ MinTTL: YEAR, DefaultTTL: YEAR, MaxTTL: YEAR })
  })

  it('caches HTML at most 5 minutes, keyed by the RSC headers, forwarding cookies to the app', () => {
    const d = distribution().DefaultCacheBehavior
    const p = cachePolicy(d.CachePolicyId)
    expect(p).toMatchObject({ MinTTL: 0, DefaultTTL: 300, MaxTTL: 300 })
    expect(p.ParametersInCacheKeyAndForwardedToOrigin.HeadersConfig.Headers).toEqual(expect.arrayContaining(['RSC', 'Next-Router-State-Tree']))
    expect(p.ParametersInCacheKeyAndForwardedToOrigin.CookiesConfig.CookieBehavior).toBe('none')
    expect(d.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST)
  })

  it('never caches /api/* and forwards every viewer header but Host', () => {
    const b = behavior('/api/*')
    expect(b.CachePolicyId).toBe(CACHING_DISABLED)
    expect(b.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST)
    expect(b.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'PATCH', 'DELETE']))
  })

  it('serves media from S3 through origin access control, signed URLs only', () => {
    t().resourceCountIs('AWS::CloudFront::OriginAccessControl', 1)
    const s3 = distribution().Origins.find((o: any) => o.S3OriginConfig)
    expect(s3.OriginAccessControlId).toBeDefined()
    expect(s3.S3OriginConfig.OriginAccessIdentity).toBe('')
    for (const path of ['/outputs/*', '/posters/*', '/clips/*', '/songs/*']) {
      const b = behavior(path)
      expect(b, path).toBeDefined()
      expect(b.TargetOriginId).toBe(s3.Id)
      expect(b.TrustedKeyGroups).toHaveLength(1)
      expect(b.ViewerProtocolPolicy).toBe('https-only')
    }
    expect(behavior('/uploads/*')).toBeUndefined()
  })

  it('trusts one key group holding the configured public key (kept in the storage stack, which the web app reaches too)', () => {
    const storage = build('prod', compute).template('storage')
    storage.resourceCountIs('AWS::CloudFront::KeyGroup', 1)
    t().resourceCountIs('AWS::CloudFront::KeyGroup', 0)
    const [[, key]] = resourcesOf(storage, 'AWS::CloudFront::PublicKey')
    expect(key.Properties.PublicKeyConfig.EncodedKey).toBe(build('prod', compute).config.cloudFrontPublicKeyPem)
    // Every media behaviour trusts that key group, imported from the storage stack.
    const [[groupId]] = resourcesOf(storage, 'AWS::CloudFront::KeyGroup')
    for (const path of ['/outputs/*', '/posters/*', '/clips/*', '/songs/*']) {
      expect(JSON.stringify(behavior(path).TrustedKeyGroups), path).toContain(groupId)
    }
  })
})
