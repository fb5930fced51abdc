import { describe, expect, it } from 'vitest'
import { authorizeMetricsScrape } from '@/lib/shared/http/authorize-metrics-scrape'

const TOKEN = 'metrics-token-0123456789'

describe('authorizeMetricsScrape', () => {
  it('hides the endpoint (404) when no token is configured, whatever is sent', () => {
    expect(() => authorizeMetricsScrape(`Bearer ${TOKEN}`, undefined)).toThrow(expect.objectContaining({ status: 404 }))
  })

  it('refuses a missing, wrong, prefixed or extended token with 401', () => {
    for (const header of [null, '', 'Bearer', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, 'Bearer wrong']) {
      expect(() => authorizeMetricsScrape(header, TOKEN), String(header)).toThrow(expect.objectContaining({ status: 401 }))
    }
  })

  it('accepts the configured token', () => {
    expect(() => authorizeMetricsScrape(`Bearer ${TOKEN}`, TOKEN)).not.toThrow()
    expect(() => authorizeMetricsScrape(`bearer ${TOKEN}`, TOKEN)).not.toThrow()
  })
})
