import { Match } from 'aws-cdk-lib/assertions'
import { describe, expect, it } from 'vitest'
import { build, resourcesOf, TARGETS } from './helpers'

describe.each(TARGETS)('storage stack (compute=%s)', (compute) => {
  const t = () => build('prod', compute).template('storage')

  it('media bucket: versioned, SSE, all public access blocked', () => {
    t().hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    })
  })

  it('denies every request without TLS', () => {
    t().hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    })
  })

  it('lets CloudFront read only the media prefixes, only for this account', () => {
    const [[, policy]] = resourcesOf(t(), 'AWS::S3::BucketPolicy')
    const stmt = policy.Properties.PolicyDocument.Statement.find((s: any) => s.Sid === 'CloudFrontReadsMedia')
    expect(stmt.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' })
    expect(stmt.Action).toBe('s3:GetObject')
    const resources = JSON.stringify(stmt.Resource)
    for (const p of ['outputs/*', 'posters/*', 'clips/*', 'songs/*']) expect(resources).toContain(`/${p}`)
    expect(resources).not.toContain('uploads/')
    expect(JSON.stringify(stmt.Condition)).toContain(':distribution/*')
  })

  it('expires old versions and moves outputs/ to STANDARD_IA', () => {
    t().hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
          Match.objectLike({ Status: 'Enabled', Prefix: 'outputs/', Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }] }),
        ]),
      },
    })
  })

  it('allows signed PUT uploads from the app origin only (CORS)', () => {
    t().hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: Match.arrayWith(['PUT', 'GET']), AllowedOrigins: ['https://bachata.example.com'] })] },
    })
  })

  it('has the two image repositories (web, worker) with immutable tags and scanning', () => {
    t().resourceCountIs('AWS::ECR::Repository', 2)
    for (const name of ['bb-prod-web', 'bb-prod-worker']) {
      t().hasResourceProperties('AWS::ECR::Repository', { RepositoryName: name, ImageTagMutability: 'IMMUTABLE', ImageScanningConfiguration: { ScanOnPush: true } })
    }
  })
})
