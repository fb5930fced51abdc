import { describe, expect, it } from 'vitest'
import { synthCounts } from '../scripts/synth-all'

/** `cdk synth` for both targets, offline (the app, not the CLI: same assembly, no network). */
describe.each(['ecs', 'apprunner'] as const)('synth prod compute=%s', (compute) => {
  it('synthesizes all six stacks with no validation error and prints the resource counts', () => {
    const counts = synthCounts('prod', compute)
    console.log(`resource counts, prod compute=${compute}:`, JSON.stringify(counts))
    expect(Object.keys(counts)).toEqual(['bb-prod-network', 'bb-prod-storage', 'bb-prod-data', 'bb-prod-services', 'bb-prod-edge', 'bb-prod-monitoring'])
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(0)
  })
})
