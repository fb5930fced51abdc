import { describe, expect, it } from 'vitest'
import { isMalformedApiPath, MALFORMED_PAGE_PATH, MALFORMED_PATH, readdressMalformedPath } from '@/lib/shared/http/reject-malformed-path'

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

describe('readdressMalformedPath', () => {
  it('sends a malformed API path to the JSON 400 and any other to the 404 page, query dropped', () => {
    expect(readdressMalformedPath('/api/songs/%zz?q=1')).toBe(MALFORMED_PATH)
    for (const url of ['/choreographies/%zz', '/%ff', '/moves/%ED%A0%80', '/admin/songs/%C0%AF', '/share/%E0%A4%A', '/s/%ff?x=1', '/api%ff']) {
      expect(readdressMalformedPath(url), url).toBe(MALFORMED_PAGE_PATH)
    }
  })
  it('sends an API path whose dot segments climb out of /api to the JSON 400 (a random hostile run found its HTML 404)', () => {
    for (const url of ['/api/nope/%2e%2e/%2e%2e/..%252f', '/api/..', '/api/x/../../choreographies', '/api/%2E%2E/s/abc?q=1']) {
      expect(readdressMalformedPath(url), url).toBe(MALFORMED_PATH)
    }
    for (const url of ['/api/songs/../moves', '/api/x/%2e%2e/songs', '/api/songs/./abc']) expect(readdressMalformedPath(url), url).toBeNull()
  })
  it('leaves paths that decode alone, whatever their query', () => {
    for (const url of ['/', '/choreographies/abc', '/moves?q=%zz', '/s/%F0%9F%92%83', '/x/%2e%2e', '/api/songs/abc']) {
      expect(readdressMalformedPath(url), url).toBeNull()
    }
  })
})
