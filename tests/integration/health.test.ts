import { describe, expect, it } from 'vitest'
import { freePort, startApp } from '@/scripts/lib/app-server'
import { api } from './http'
import { expectedMediaTool } from './media-tools-expectation'

describe('GET /api/health', () => {
  it('reports ok with the database status, the version, and which ffmpeg/ffprobe it runs', async () => {
    const res = await api('GET', '/api/health')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'ok', db: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
    expect(res.body.ffmpeg).toEqual(expectedMediaTool('ffmpeg'))
    expect(res.body.ffprobe).toEqual(expectedMediaTool('ffprobe'))
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('answers 503 when the database is unreachable', async () => {
    const deadPort = await freePort() // nothing listens there
    const app = await startApp({
      port: await freePort(),
      acceptStatus: [503],
      env: { DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadPort}/none`, AUTH_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent' },
    })
    try {
      const res = await fetch(`${app.url}/api/health`)
      expect(res.status).toBe(503)
      expect(await res.json()).toMatchObject({ status: 'degraded', db: 'unreachable', ffmpeg: { found: true } })
      // Liveness never asks the database: the platform's health checks must not keep it awake.
      const live = await fetch(`${app.url}/api/health/live`)
      expect(live.status).toBe(200)
      expect(await live.json()).toMatchObject({ status: 'live' })
    } finally {
      await app.stop()
    }
  })
})
