'use client'

import { useEffect, useRef, useState } from 'react'

/** A move's poster, or a plain tile when there is none or it fails to load (a demo row whose
 * files are not installed): never the browser's broken-image icon. */
export function PosterThumb({ src, className }: { src: string | null; className: string }) {
  const [failed, setFailed] = useState(false)
  const img = useRef<HTMLImageElement>(null)
  // A server-rendered image may fail before hydration, when onError is not attached yet.
  useEffect(() => {
    const el = img.current
    if (el && el.complete && el.naturalWidth === 0) setFailed(true)
  }, [])
  if (!src || failed) return <span className={`block ${className}`} aria-hidden="true" />
  // eslint-disable-next-line @next/next/no-img-element -- a same-origin API image with its own cache headers
  return <img ref={img} src={src} alt="" width={96} height={54} loading="lazy" onError={() => setFailed(true)} className={`object-cover ${className}`} />
}
