import { describe, expect, it } from 'vitest'
import { build, resourcesOf, TARGETS, type Compute } from './helpers'

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown }

/** The S3 statements of the role whose logical id starts with `rolePrefix`. */
function s3Statements(compute: Compute, rolePrefix: string): Statement[] {
  const t = build('prod', compute).template('services')
  const policies = resourcesOf(t, 'AWS::IAM::Policy').filter(([, p]) =>
    (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref.startsWith(rolePrefix)))
  expect(policies.length, rolePrefix).toBeGreaterThan(0)
  return policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[])
    .filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')))
}

/** The key suffix of an object ARN written as Fn::Join [bucketArn, '/prefix/*']. */
function objectPatterns(resource: unknown): string[] {
  return [resource].flat().map((r: any) => {
    const parts = r['Fn::Join']?.[1] as unknown[] | undefined
    const last = parts?.[parts.length - 1]
    if (typeof last !== 'string') throw new Error(`not an object ARN: ${JSON.stringify(r)}`)
    return last.replace(/^\//, '')
  })
}

function allowed(statements: Statement[], action: string, key: string): boolean {
  return statements.some((s) => s.Effect === 'Allow' && [s.Action].flat().includes(action) &&
    objectPatterns(s.Resource).some((p) => p.endsWith('*') ? key.startsWith(p.slice(0, -1)) : key === p))
}

const ROLES: Record<Compute, { web: string; worker: string }> = {
  ecs: { web: 'WebTaskRole', worker: 'WorkerTaskRole' },
  apprunner: { web: 'AppRunnerWebInstanceRole', worker: 'AppRunnerWorkerInstanceRole' },
}

describe.each(TARGETS)('least-privilege media access (compute=%s)', (compute) => {
  const web = () => s3Statements(compute, ROLES[compute].web).filter((s) => ![s.Action].flat().includes('s3:ListBucket'))
  const worker = () => s3Statements(compute, ROLES[compute].worker).filter((s) => ![s.Action].flat().includes('s3:ListBucket'))

  it('web reads and writes uploads/, reads outputs/, never writes outputs/', () => {
    expect(allowed(web(), 's3:PutObject', 'uploads/abc.mp3')).toBe(true)
    expect(allowed(web(), 's3:GetObject', 'uploads/abc.mp3')).toBe(true)
    expect(allowed(web(), 's3:GetObject', 'outputs/hash.mp4')).toBe(true)
    expect(allowed(web(), 's3:PutObject', 'outputs/hash.mp4')).toBe(false)
    expect(allowed(web(), 's3:GetObject', 'elsewhere/x')).toBe(false)
  })

  it('worker reads clips/ and songs/, writes outputs/ (and posters/), nothing else, deletes nothing', () => {
    expect(allowed(worker(), 's3:GetObject', 'clips/demo/a.mp4')).toBe(true)
    expect(allowed(worker(), 's3:GetObject', 'songs/x.mp3')).toBe(true)
    expect(allowed(worker(), 's3:PutObject', 'outputs/hash.mp4')).toBe(true)
    expect(allowed(worker(), 's3:PutObject', 'posters/hash.jpg')).toBe(true)
    for (const key of ['clips/a.mp4', 'songs/x.mp3', 'uploads/u.mp3']) expect(allowed(worker(), 's3:PutObject', key), key).toBe(false)
    expect(allowed(worker(), 's3:GetObject', 'uploads/u.mp3')).toBe(false)
    expect(worker().some((s) => [s.Action].flat().includes('s3:DeleteObject'))).toBe(false)
  })

  it('no wildcard actions and no bucket-wide object access', () => {
    for (const s of [...web(), ...worker()]) {
      expect([s.Action].flat().some((a) => a === 's3:*' || a.endsWith('*')), JSON.stringify(s.Action)).toBe(false)
      for (const p of objectPatterns(s.Resource)) expect(p).toMatch(/^[a-z]+\/\*$/)
    }
  })

  it('lists only under its own prefixes', () => {
    const list = s3Statements(compute, ROLES[compute].worker).find((s) => [s.Action].flat().includes('s3:ListBucket'))!
    expect(list.Condition).toEqual({ StringLike: { 's3:prefix': ['clips/*', 'songs/*', 'outputs/*', 'posters/*'] } })
  })
})
