'use client'

import { useEffect, useId, useRef, useState } from 'react'
import { label, type MoveCardData } from './move-card-data'

/**
 * One library move: the poster in a fixed 16:9 box (the clips are 960×540, so nothing moves
 * when the video takes over), and the muted clip playing while the card is hovered or has
 * keyboard focus. The clip is not requested until then (no src, preload none): a grid of
 * 24 cards must not start 24 downloads.
 */
export function MoveCard({ move }: { move: MoveCardData }) {
  const id = useId()
  const video = useRef<HTMLVideoElement>(null)
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const [src, setSrc] = useState<string | undefined>(undefined)
  const [playing, setPlaying] = useState(false)
  const active = hovered || focused

  function activate(set: (v: boolean) => void) {
    set(true)
    setSrc(move.clipUrl)
  }

  useEffect(() => {
    const v = video.current
    if (!v || !src) return
    // play() rejects when a pause comes first (the pointer left at once): nothing to report.
    if (active) v.play().catch(() => {})
    else v.pause()
  }, [active, src])

  const holds = move.entryHold === move.exitHold ? label(move.entryHold) : `${label(move.entryHold)} → ${label(move.exitHold)}`
  return (
    <article
      tabIndex={0}
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-facts${move.why ? ` ${id}-why` : ''}`}
      data-testid="move-card"
      data-family={move.family}
      onMouseEnter={() => activate(setHovered)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => activate(setFocused)}
      onBlur={() => setFocused(false)}
      className="h-full overflow-hidden rounded-lg border border-stone-200 bg-white hover:border-brand-500 focus-visible:border-brand-600 focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      <div className="relative aspect-video w-full bg-stone-200">
        {move.posterUrl ? (
          // A plain img: the poster comes from our own signed-in route, which Next's image
          // optimiser would fetch without the visitor's cookie.
          // eslint-disable-next-line @next/next/no-img-element
          <img src={move.posterUrl} alt="" loading="lazy" width={960} height={540} className="absolute inset-0 h-full w-full object-cover" />
        ) : (
          <span className="absolute inset-0 flex items-center justify-center text-sm text-stone-600">{label(move.family)}</span>
        )}
        <video
          ref={video}
          src={src}
          muted
          loop
          playsInline
          preload="none"
          aria-hidden="true"
          tabIndex={-1}
          data-testid="move-preview"
          onPlaying={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          className={`absolute inset-0 h-full w-full object-cover transition-opacity ${playing ? 'opacity-100' : 'opacity-0'}`}
        />
        <span aria-hidden="true" className="absolute bottom-1.5 right-1.5 rounded bg-black/60 px-1.5 py-0.5 text-xs text-white">
          {playing ? 'Playing' : '▶ Preview'}
        </span>
      </div>
      <div className="space-y-1 p-3">
        <h3 id={`${id}-name`} className="font-medium leading-snug">{move.name}</h3>
        <p id={`${id}-facts`} className="text-xs text-stone-600">
          {label(move.family)} · {move.difficulty} · {move.energy} energy · {move.counts} counts · hold: {holds}
        </p>
        {move.why && (
          <p id={`${id}-why`} className="text-sm text-brand-700" data-testid="move-why">
            <span className="sr-only">Why it matches: </span>{move.why}
          </p>
        )}
      </div>
    </article>
  )
}
