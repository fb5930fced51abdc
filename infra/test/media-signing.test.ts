import { describe, expect, it } from 'vitest'
import { build, resourcesOf, TARGETS, type Compute } from './helpers'

/** The web and worker containers' variables and secret references, per target. */
function containers(compute: Compute) {
  const t = build('prod', compute).template('services')
  if (compute === 'ecs') {
    const web = resourcesOf(t, 'AWS::ECS::ExpressGatewayService')[0][1].Properties.PrimaryContainer
    const worker = resourcesOf(t, 'AWS::ECS::TaskDefinition').find(([id]) => id.startsWith('EcsWorkerTask'))![1].Properties.ContainerDefinitions[0]
    const of = (c: any) => ({
      plain: Object.fromEntries(c.Environment.map((e: any) => [e.Name, e.Value])) as Record<string, unknown>,
      secrets: Object.fromEntries(c.Secrets.map((s: any) => [s.Name, s.ValueFrom])) as Record<string, unknown>,
    })
    return { web: of(web), worker: of(worker) }
  }
  const svc = (name: string) => resourcesOf(t, 'AWS::AppRunner::Service').find(([, r]) => r.Properties.ServiceName === name)![1]
    .Properties.SourceConfiguration.ImageRepository.ImageConfiguration
  const of = (c: any) => ({
    plain: Object.fromEntries(c.RuntimeEnvironmentVariables.map((e: any) => [e.Name, e.Value])) as Record<string, unknown>,
    secrets: Object.fromEntries(c.RuntimeEnvironmentSecrets.map((s: any) => [s.Name, s.Value])) as Record<string, unknown>,
  })
  return { web: of(svc('bb-prod-web')), worker: of(svc('bb-prod-worker')) }
}

describe.each(TARGETS)('CloudFront signed media links (compute=%s)', (compute) => {
  const built = () => build('prod', compute)

  it('the web app signs with the private key from Secrets Manager, never a plain value', () => {
    const { web } = containers(compute)
    expect(web.plain).not.toHaveProperty('CLOUDFRONT_PRIVATE_KEY')
    const [[secretId, secret]] = resourcesOf(built().template('data'), 'AWS::SecretsManager::Secret')
      .filter(([id]) => id.startsWith('CloudFrontPrivateKey'))
    expect(secret.Properties.Description).toMatch(/CLOUDFRONT_PRIVATE_KEY/)
    // A cross-stack reference to that secret (an import of the data stack's export).
    expect(JSON.stringify(web.secrets.CLOUDFRONT_PRIVATE_KEY)).toContain(secretId)
  })

  it('the key pair id is the storage stack\'s public key, the CDN URL the app\'s own distribution, for a practice session', () => {
    const { web } = containers(compute)
    const [[keyId]] = resourcesOf(built().template('storage'), 'AWS::CloudFront::PublicKey')
    expect(JSON.stringify(web.plain.CLOUDFRONT_KEY_PAIR_ID)).toContain(keyId)
    expect(web.plain.MEDIA_CDN_URL).toBe(new URL(built().config.appUrl).origin)
    expect(Number(web.plain.MEDIA_URL_TTL_SECONDS)).toBeGreaterThanOrEqual(3600)
  })

  it('the web role may read that secret; the worker gets no signing key or link settings', () => {
    const { worker } = containers(compute)
    for (const name of ['MEDIA_CDN_URL', 'CLOUDFRONT_KEY_PAIR_ID', 'CLOUDFRONT_PRIVATE_KEY']) {
      expect(worker.plain).not.toHaveProperty(name)
      expect(worker.secrets).not.toHaveProperty(name)
    }
    const policies = resourcesOf(built().template('services'), 'AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes('CloudFrontPrivateKey'))
    expect(policies.length).toBeGreaterThan(0)
    for (const [, p] of policies) expect(JSON.stringify(p.Properties.Roles)).not.toMatch(/Worker/)
  })
})
