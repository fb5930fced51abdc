import { describe, expect, it } from 'vitest'
import { isMalformedApiPath } from '@/lib/shared/http/reject-malformed-path'

describe('isMalformedApiPath', () => {
  it('finds escapes that are not UTF-8 in API paths', () => {
    for (const url of ['/api/songs/%zz', '/api/songs/%', '/api/x/%ff%fe', '/api/x/%ED%A0%80/y', '/api/x/%c0%ae%c0%ae%2f', '/api/x/%E0%80%AF?q=1']) {
      expect(isMalformedApiPath(url), url).toBe(true)
    }
  })
  it('passes well-formed escapes, malformed queries (they reach the handler) and pages', () => {
    for (const url of ['/api/songs/abc', '/api/x/%2e%2e', '/api/x/%F0%9F%92%83', '/api/x/%00', '/api/songs?q=%ff', '/s/%ff', '/api']) {
      expect(isMalformedApiPath(url), url).toBe(false)
    }
  })
})
