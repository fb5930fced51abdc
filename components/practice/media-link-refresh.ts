'use client'

import { useCallback, useRef, useState, type SyntheticEvent } from 'react'

/** Refreshes in a row without a frame played in between: past this the video is really broken. */
const MAX_REFRESHES = 2

/** `url` with a fresh-link marker, so the browser asks the app again instead of reusing a redirect. */
export function freshLinkOf(url: string, n: number): string {
  return n === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}fresh=${n}`
}

/**
 * A media link expires (a CloudFront or S3 signature: the next range request answers 403 and
 * the element errors). The app's video URL redirects to a newly signed one, so asking it again
 * is the refresh; the player then resumes at the same time, speed and play state.
 */
export function useMediaLinkRefresh(url: string, speed: number) {
  const [refresh, setRefresh] = useState(0)
  const resume = useRef<{ time: number; playing: boolean } | null>(null)
  const failures = useRef(0)
  const wantsPlay = useRef(false)

  const onError = useCallback((e: SyntheticEvent<HTMLVideoElement>) => {
    const el = e.currentTarget
    if (failures.current >= MAX_REFRESHES) return
    failures.current += 1
    // An element that errored keeps currentTime where playback stopped.
    resume.current = { time: el.currentTime, playing: wantsPlay.current }
    setRefresh((n) => n + 1)
  }, [])

  const onLoadedMetadata = useCallback((e: SyntheticEvent<HTMLVideoElement>) => {
    const el = e.currentTarget
    const at = resume.current
    if (!at) return
    resume.current = null
    el.playbackRate = speed
    el.currentTime = at.time
    if (at.playing) void el.play().catch(() => {})
  }, [speed])

  return {
    src: freshLinkOf(url, refresh),
    onError,
    onLoadedMetadata,
    // A frame played: the link works again, so a later expiry gets its own refreshes.
    onPlaying: () => { failures.current = 0; wantsPlay.current = true },
    onPause: () => { if (!resume.current) wantsPlay.current = false },
  }
}
