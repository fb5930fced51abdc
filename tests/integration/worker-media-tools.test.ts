import { describe, expect, it } from 'vitest'
import { startTestWorker } from './worker-harness'

/**
 * A worker that cannot find ffmpeg must not start and then fail every job on a spawn ENOENT:
 * it refuses to start, with one plain line that names what to install or fix.
 */
describe('the render worker without ffmpeg', () => {
  it('exits at once with one line naming the problem, no stack trace', async () => {
    const err = await startTestWorker('no-ffmpeg', { env: { FFMPEG_PATH: '/nonexistent/ffmpeg' } }).then(
      () => null,
      (e: Error) => e,
    )
    expect(err?.message).toMatch(/^worker exited early:\n/)
    const output = err!.message.replace(/^worker exited early:\n/, '').trim()
    expect(output).toBe('worker: FFMPEG_PATH=/nonexistent/ffmpeg is not an executable file: fix it or unset it')
  })
})
