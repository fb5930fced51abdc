import { describe, expect, it } from 'vitest'
import { classifyRenderError } from '@/lib/services/render-jobs/classify-render-error'
import { outputKeysFor } from '@/lib/services/render-jobs/output-keys'
import { secretMatches } from '@/lib/services/render-jobs/worker-secret'
import { AppError } from '@/lib/shared/errors'
import { RenderInputError } from '@/lib/engines/media/render-errors'
import { z } from 'zod'

describe('worker secret', () => {
  it('matches only the exact secret; an unset secret matches nothing', () => {
    expect(secretMatches('s3cret-s3cret-s3cret', 's3cret-s3cret-s3cret')).toBe(true)
    expect(secretMatches('s3cret-s3cret-s3creT', 's3cret-s3cret-s3cret')).toBe(false)
    expect(secretMatches('s3cret', 's3cret-s3cret-s3cret')).toBe(false)
    expect(secretMatches('', 's3cret-s3cret-s3cret')).toBe(false)
    expect(secretMatches(undefined, 's3cret-s3cret-s3cret')).toBe(false)
    expect(secretMatches('anything', undefined)).toBe(false)
    expect(secretMatches('', '')).toBe(false)
  })
})

describe('render error classification', () => {
  it('never retries what fails the same way every time', () => {
    expect(classifyRenderError(RenderInputError.invalid('clip missing: clips/demo/x.mp4'))).toEqual({
      retryable: false, reason: 'clip missing: clips/demo/x.mp4',
    })
    expect(classifyRenderError(z.object({ a: z.string() }).safeParse({}).error).retryable).toBe(false)
    expect(classifyRenderError(AppError.badRequest('Invalid storage key')).retryable).toBe(false)
  })

  it('retries storage outages and unknown failures, without leaking their details', () => {
    expect(classifyRenderError(AppError.storageUnavailable('ECONNREFUSED'))).toEqual({
      retryable: true, reason: 'Storage is unavailable (ECONNREFUSED)',
    })
    const r = classifyRenderError(new Error('ffmpeg exited with code 1: /tmp/secret/path'))
    expect(r.retryable).toBe(true)
    expect(r.reason).not.toContain('/tmp')
  })
})

describe('output keys', () => {
  it('derive from the blueprint hash only, and refuse anything else', () => {
    const h = 'ab'.repeat(32)
    expect(outputKeysFor(h)).toEqual({ outputKey: `outputs/${h}.mp4`, posterKey: `posters/${h}.jpg` })
    for (const bad of ['../x', 'AB'.repeat(32), 'ab'.repeat(31), `${'ab'.repeat(32)}/../x`]) {
      expect(() => outputKeysFor(bad)).toThrow()
    }
  })
})
