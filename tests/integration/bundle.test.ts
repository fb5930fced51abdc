import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

describe('the production server bundle', () => {
  it('never contains the 300 MB word-vector JSON (or anything like it)', () => {
    const dir = '.next/server'
    const sizes: Array<[string, number]> = []
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, e.name)
        if (e.isDirectory()) walk(full)
        else if (full.endsWith('.js')) sizes.push([full, statSync(full).size])
      }
    }
    walk(dir)
    const biggest = sizes.sort((a, b) => b[1] - a[1])[0]
    expect(biggest[1], `${biggest[0]} is ${(biggest[1] / 1e6).toFixed(1)} MB`).toBeLessThan(20e6)
  })
})
