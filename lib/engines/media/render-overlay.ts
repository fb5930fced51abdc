/**
 * Burned-in practice overlays for one segment: the count 1–8 (taps 4 and 8 in amber) in the
 * bottom-right corner and the move name bottom-left, clear of the beat marker (top-left).
 * The count follows the segment's own count frames (frame n of the segment), so it changes
 * exactly when the dancers' count does. Texts go through files so a move name can never
 * break filter-graph quoting; the caller writes them (see overlayTexts) into ffmpeg's cwd.
 */
export interface OverlayRequest {
  counts: boolean
  moveName: string | null
  /** A hold's called counts (one per count frame); moves count 1–8 from their first frame. */
  calls?: number[]
  /** The count-in: the calls drawn large in the middle of a dimmed picture, so "5 6 7 8" reads from across the room. */
  countIn?: boolean
}

export const OVERLAY_FILES = { count: 'count.txt', name: 'name.txt' } as const

/** Debian's fonts-dejavu-core, installed beside ffmpeg on every machine and in the worker image. */
const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'

const TAP_COLOR = '0xffb000'

/** 0-based count within the move at segment frame n: how many later counts have begun. */
function countIndexExpr(countFrames: number[]): string {
  const inner = countFrames.slice(1, -1).map((f) => `gte(n,${f})`)
  return inner.length ? `(${inner.join('+')})` : '0'
}

/** The count shown at segment frame n (1–8) and when it is a tap (4 or 8), as expressions. */
function shownCount(req: OverlayRequest, countFrames: number[]): { value: string; tap: string } {
  const idx = countIndexExpr(countFrames)
  if (!req.calls) return { value: `mod(${idx},8)+1`, tap: `(eq(mod(${idx},8),3)+eq(mod(${idx},8),7))` }
  // The first call, then a step at each later count's frame: no nesting however many counts.
  const calls = req.calls
  const value = [String(calls[0]), ...calls.slice(1).map((c, k) => `gte(n,${countFrames[k + 1]})*(${c - calls[k]})`)].join('+')
  return { value, tap: `(eq(${value},4)+eq(${value},8))` }
}

/** Whether the count is drawn: a hold without a beat (a pause) shows none. */
const drawsCount = (req: OverlayRequest) => req.counts && (!req.calls || req.calls.length > 0)

export function overlayTexts(req: OverlayRequest, countFrames: number[]): Partial<Record<keyof typeof OVERLAY_FILES, string>> {
  const texts: Partial<Record<keyof typeof OVERLAY_FILES, string>> = {}
  if (drawsCount(req)) texts.count = `%{eif:${shownCount(req, countFrames).value}:d}`
  if (req.moveName) texts.name = req.moveName
  return texts
}

/** drawtext filters (comma-joined, possibly empty) for a frame of the given height. */
export function overlayFilters(req: OverlayRequest, countFrames: number[], height: number): string {
  const parts: string[] = []
  const margin = Math.round(height * 0.05)
  if (req.moveName) {
    parts.push(
      `drawtext=fontfile=${FONT_BOLD}:textfile=${OVERLAY_FILES.name}:expansion=none:fontsize=${Math.round(height * 0.045)}` +
        `:fontcolor=white:box=1:boxcolor=black@0.5:boxborderw=${Math.round(height * 0.015)}:x=${margin}:y=h-text_h-${margin}`,
    )
  }
  if (drawsCount(req)) {
    const shown = `gte(n,${countFrames[0]})*lt(n,${countFrames[countFrames.length - 1]})`
    const { tap } = shownCount(req, countFrames)
    const big = req.countIn === true
    if (big) parts.push('drawbox=x=0:y=0:w=iw:h=ih:color=black@0.4:t=fill')
    const place = big ? 'x=(w-text_w)/2:y=(h-text_h)/2' : `x=w-text_w-${margin}:y=h-text_h-${margin}`
    const count = (color: string, when: string) =>
      `drawtext=fontfile=${FONT_BOLD}:textfile=${OVERLAY_FILES.count}:expansion=normal:fontsize=${Math.round(height * (big ? 0.4 : 0.12))}` +
      `:fontcolor=${color}:borderw=${Math.max(2, Math.round(height * (big ? 0.008 : 0.004)))}:bordercolor=black` +
      `:${place}:enable='${shown}*${when}'`
    parts.push(count('white', `(1-${tap})`), count(TAP_COLOR, tap))
  }
  return parts.join(',')
}
