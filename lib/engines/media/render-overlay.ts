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

export function overlayTexts(req: OverlayRequest, countFrames: number[]): Partial<Record<keyof typeof OVERLAY_FILES, string>> {
  const texts: Partial<Record<keyof typeof OVERLAY_FILES, string>> = {}
  if (req.counts) texts.count = `%{eif:mod(${countIndexExpr(countFrames)},8)+1:d}`
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
  if (req.counts) {
    const idx = countIndexExpr(countFrames)
    const shown = `gte(n,${countFrames[0]})*lt(n,${countFrames[countFrames.length - 1]})`
    const tap = `(eq(mod(${idx},8),3)+eq(mod(${idx},8),7))`
    const count = (color: string, when: string) =>
      `drawtext=fontfile=${FONT_BOLD}:textfile=${OVERLAY_FILES.count}:expansion=normal:fontsize=${Math.round(height * 0.12)}` +
      `:fontcolor=${color}:borderw=${Math.max(2, Math.round(height * 0.004))}:bordercolor=black` +
      `:x=w-text_w-${margin}:y=h-text_h-${margin}:enable='${shown}*${when}'`
    parts.push(count('white', `(1-${tap})`), count(TAP_COLOR, tap))
  }
  return parts.join(',')
}
