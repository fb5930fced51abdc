import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config/load-config'
import { ConfigSchema } from '../config/schema'
import { dev } from '../config/dev'

describe('infra config', () => {
  it('defaults to compute=ecs and accepts the apprunner switch', () => {
    expect(loadConfig('prod').compute).toBe('ecs')
    expect(loadConfig('prod', { compute: 'apprunner' }).compute).toBe('apprunner')
  })

  it('rejects what would deploy something wrong, naming the field', () => {
    const bad = (patch: object) => ConfigSchema.safeParse({ ...dev, ...patch })
    expect(bad({ compute: 'lambda' }).success).toBe(false)
    expect(bad({ database: { ...dev.database, engineVersion: '14.9' } }).error?.issues[0].path).toEqual(['database', 'engineVersion'])
    expect(bad({ database: { ...dev.database, minCapacity: 0.3 } }).success).toBe(false)
    // Auto-pause (0 ACU) exists only from 15.7 / 16.3 on.
    expect(bad({ database: { ...dev.database, minCapacity: 0, engineVersion: '16.2' } }).error?.issues[0].message).toMatch(/auto-pause/)
    expect(bad({ database: { ...dev.database, minCapacity: 0, engineVersion: '15.7' } }).success).toBe(true)
    expect(bad({ database: { ...dev.database, minCapacity: 0.5, engineVersion: '15.4' } }).success).toBe(true)
    expect(bad({ images: { webTag: 'latest', workerTag: 'v1' } }).success).toBe(false)
    expect(bad({ web: { appRunner: { cpu: '1 vCPU', memory: '1 GB' } } }).error?.issues[0].path).toEqual(['web', 'appRunner'])
    expect(bad({ worker: { fargate: { cpu: 256, memoryMiB: 8192 } } }).error?.issues[0].path).toEqual(['worker', 'fargate'])
    expect(bad({ cloudFrontPublicKeyPem: 'not a key' }).success).toBe(false)
    expect(() => loadConfig('staging')).toThrow(/Unknown environment "staging"/)
    expect(() => loadConfig('prod', { compute: 'k8s' })).toThrow(/compute/)
  })
})
