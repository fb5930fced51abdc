'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { useMediaLinkRefresh } from './media-link-refresh'
import { countAt, isHold, songTimeOf, videoStartOf, videoTimeOf, type TimedCountIn, type TimedMove } from './blueprint-timing'
import { MoveTimeline, type MoveCue } from './move-timeline'
import { SPEEDS, usePlayerPrefs } from './player-prefs'
import { ShortcutHelp } from './shortcut-help'


interface Props {
  videoUrl: string
  posterUrl: string | null
  downloadUrl: string | null
  blueprintStart: number
  moves: TimedMove[]
  /** The song's beats called 5–8 before the first move: the video starts on the first of them. */
  countIn?: TimedCountIn | null
  cues?: Record<string, MoveCue>
  /** Owner only: swap the move at this index for another and render again. */
  onReplaceMove?: (index: number) => void
  /** The viewer's profile preference; the overlay shows unless they turned it off. */
  showCounts?: boolean
}

type Loop = { kind: 'move' | 'ab'; start: number; end: number } | null

/** rVFC where the browser has it (frame-exact media time), else animation frames. */
type FrameVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number
  cancelVideoFrameCallback?: (id: number) => void
}

/**
 * The practice player: mirror, slow motion with pitch kept, a count overlay from the
 * blueprint's beat times, a move timeline, loops and keyboard shortcuts.
 */
export function PracticePlayer({ videoUrl, posterUrl, downloadUrl, blueprintStart, moves, countIn = null, cues, onReplaceMove, showCounts = true }: Props) {
  const video = useRef<FrameVideo>(null)
  // Video time 0: the count-in's first beat (the first move still starts at its own song time).
  const start = videoStartOf(blueprintStart, countIn)
  const [playing, setPlaying] = useState(false)
  const [{ mirror, speed }, setPrefs] = usePlayerPrefs()
  const [pos, setPos] = useState<{ move: number; count: number | null; countIn?: true }>(() => countAt(moves, start, countIn))
  const [loop, setLoop] = useState<Loop>(null)
  const [markA, setMarkA] = useState<number | null>(null)
  const [help, setHelp] = useState(false)
  const loopRef = useRef<Loop>(null)
  const link = useMediaLinkRefresh(videoUrl, speed)
  useEffect(() => { loopRef.current = loop }, [loop])


  const moveSpan = useCallback((i: number) => ({
    start: videoTimeOf(moves[i].songStart, start), end: videoTimeOf(moves[i].songEnd, start),
  }), [moves, start])

  // One clock for the overlay and the loops: the frame on screen.
  useEffect(() => {
    const el = video.current
    if (!el) return
    let id = 0
    let last = ''
    const onTime = (mediaTime: number) => {
      // A frame presented while a seek is pending is from before it: showing its count would
      // flash the old move; the 'seeked' event brings the new one.
      if (el.seeking) return
      const l = loopRef.current
      if (l && mediaTime >= l.end - 0.02) { el.currentTime = l.start; return }
      const at = countAt(moves, songTimeOf(mediaTime, start), countIn)
      const key = `${at.move}:${at.count}:${at.countIn ?? ''}`
      if (key !== last) { last = key; setPos(at) }
    }
    if (el.requestVideoFrameCallback) {
      // Paused, the frame on screen is at currentTime; a frame callback can still arrive after
      // 'seeked' carrying the time of the frame before the seek, which would leave the overlay
      // on the old move until the next frame (never, while paused).
      const tick = (_: number, meta: { mediaTime: number }) => { onTime(el.paused ? el.currentTime : meta.mediaTime); id = el.requestVideoFrameCallback!(tick) }
      id = el.requestVideoFrameCallback(tick)
      const onSeeked = () => onTime(el.currentTime)
      el.addEventListener('seeked', onSeeked)
      return () => { el.cancelVideoFrameCallback?.(id); el.removeEventListener('seeked', onSeeked) }
    }
    const tick = () => { onTime(el.currentTime); id = requestAnimationFrame(tick) }
    id = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(id)
  }, [moves, start, countIn])

  useEffect(() => {
    const el = video.current
    if (!el) return
    // The default too: a (re)load of the media resets the rate to it.
    el.defaultPlaybackRate = speed
    el.playbackRate = speed
    el.preservesPitch = true
  }, [speed])

  const togglePlay = useCallback(() => {
    const el = video.current
    if (!el) return
    if (el.paused) void el.play().catch(() => {})
    else el.pause()
  }, [])
  const seekMove = useCallback((i: number) => {
    const el = video.current
    if (!el) return
    const j = Math.max(0, Math.min(moves.length - 1, i))
    el.currentTime = moveSpan(j).start + 0.001
    setPos(countAt(moves, moves[j].songStart))
  }, [moves, moveSpan])
  /** The move under the playhead, from the video itself (the overlay may be a frame behind). */
  // During the count-in no move is playing yet (−1): "next move" is the first one.
  const moveNow = useCallback(() => {
    const at = countAt(moves, songTimeOf(video.current?.currentTime ?? 0, start), countIn)
    return at.countIn ? -1 : at.move
  }, [moves, start, countIn])
  const seekCountIn = useCallback(() => {
    if (!video.current) return
    video.current.currentTime = 0
    setPos(countAt(moves, start, countIn))
  }, [moves, start, countIn])
  const toggleMoveLoop = useCallback(() => {
    setLoop((l) => (l?.kind === 'move' ? null : { kind: 'move', ...moveSpan(Math.max(0, moveNow())) }))
  }, [moveSpan, moveNow])
  const stepSpeed = useCallback((d: 1 | -1) => {
    setPrefs({ speed: SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, SPEEDS.indexOf(speed as (typeof SPEEDS)[number]) + d))] })
  }, [speed, setPrefs])
  function markAB() {
    const t = video.current?.currentTime ?? 0
    if (markA === null || loop?.kind === 'ab') { setMarkA(t); setLoop(null); return }
    const [start, end] = markA < t ? [markA, t] : [t, markA]
    if (end - start > 0.2) setLoop({ kind: 'ab', start, end })
    setMarkA(null)
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement
      if (e.ctrlKey || e.metaKey || e.altKey || t.closest('input, textarea, select, dialog')) return
      if (e.key === ' ' && t.closest('button, a')) return // the focused control handles it
      const actions: Record<string, () => void> = {
        ' ': togglePlay, ArrowLeft: () => seekMove(moveNow() - 1), ArrowRight: () => seekMove(moveNow() + 1),
        m: () => setPrefs({ mirror: !mirror }), M: () => setPrefs({ mirror: !mirror }), l: toggleMoveLoop, L: toggleMoveLoop,
        '[': () => stepSpeed(-1), ']': () => stepSpeed(1), '?': () => setHelp(true),
      }
      const act = actions[e.key]
      if (!act) return
      e.preventDefault()
      act()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [togglePlay, seekMove, toggleMoveLoop, stepSpeed, moveNow, mirror, setPrefs])

  const current = moves[pos.move]
  const tap = pos.count === 4 || pos.count === 8
  const btn = 'rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100 aria-pressed:border-brand-600 aria-pressed:bg-brand-50'
  return (
    <div className="space-y-4">
      <div className="relative aspect-video w-full overflow-hidden rounded-lg bg-black">
        <video ref={video} src={link.src} poster={posterUrl ?? undefined} playsInline preload="auto" data-testid="practice-video"
          onPlay={() => setPlaying(true)} onPause={() => { setPlaying(false); link.onPause() }} onClick={togglePlay}
          onPlaying={link.onPlaying} onError={link.onError} onLoadedMetadata={link.onLoadedMetadata}
          className="h-full w-full" style={{ transform: mirror ? 'scaleX(-1)' : undefined }} aria-label="Choreography video" />
        {showCounts && <div data-testid="count-overlay" data-count={pos.count} data-move={pos.move} data-count-in={pos.countIn ? 'true' : undefined} aria-hidden="true"
          className={`pointer-events-none absolute right-3 top-3 flex h-16 w-16 flex-col items-center justify-center rounded-full text-white ${tap ? 'bg-brand-600' : 'bg-black/60'}`}>
          <span className="text-3xl font-bold leading-none">{pos.count ?? '–'}</span>
          {tap && <span className="text-[10px] uppercase tracking-wide">tap</span>}
        </div>}
      </div>

      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Player controls">
        <button type="button" className={btn} onClick={togglePlay}>{playing ? 'Pause' : 'Play'}</button>
        <button type="button" className={btn} onClick={() => seekMove(moveNow() - 1)} aria-label="Previous move">◀ Move</button>
        <button type="button" className={btn} onClick={() => seekMove(moveNow() + 1)} aria-label="Next move">Move ▶</button>
        <button type="button" className={btn} aria-pressed={mirror} onClick={() => setPrefs({ mirror: !mirror })}>Mirror</button>
        <label className="flex items-center gap-1 text-sm">
          <span>Speed</span>
          <select aria-label="Speed" value={speed} onChange={(e) => setPrefs({ speed: Number(e.target.value) })} className="rounded-md border border-stone-300 bg-white px-2 py-1.5">
            {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
          </select>
        </label>
        <button type="button" className={btn} aria-pressed={loop?.kind === 'move'} onClick={toggleMoveLoop}>Loop this move</button>
        <button type="button" className={btn} aria-pressed={loop?.kind === 'ab' || markA !== null} onClick={markAB}>
          {markA !== null ? 'Set B' : loop?.kind === 'ab' ? 'Clear A–B' : 'Set A'}
        </button>
        {/* A hold is the music's (a tag, a short bar, a pause): there is no move to replace. */}
        {onReplaceMove && <button type="button" className={btn} disabled={isHold(current) || pos.countIn} onClick={() => { const i = moveNow(); if (i >= 0 && !isHold(moves[i])) onReplaceMove(i) }}>Replace this move</button>}
        {downloadUrl && <a href={downloadUrl} className={btn} download>Download</a>}
        <button type="button" className={btn} onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">?</button>
      </div>
      <p className="text-sm text-stone-700" aria-live="polite">
        {pos.countIn
          ? <>Count-in: <strong>{pos.count}</strong> · then {current.name}</>
          : <>Now: <strong>{current.name}</strong> ({isHold(current) ? 'hold the pose' : current.family?.replace(/-/g, ' ')}), {pos.count === null ? 'pause' : `count ${pos.count}`}</>}
        {loop && <> · looping {loop.kind === 'move' ? 'this move' : 'A–B'}</>}
      </p>
      <MoveTimeline moves={moves} current={pos.countIn ? -1 : pos.move} start={start} countIn={countIn} cues={cues} onSeek={seekMove} onSeekCountIn={seekCountIn} />
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </div>
  )
}
