import type { MoveAnnotation } from '@/lib/engines/dance/move-annotation'
import { LIBRARY_FORMAT } from '@/lib/engines/media/library-format'
import { BEAT_FLASH_SECONDS, beatSeconds, markerRect } from '@/scripts/demo/library/beat-marker'

/**
 * The FFmpeg filter graph that draws a demo clip: title lines, a big count 1–8 (taps 4 and 8
 * in amber), two dancer figures swaying through the basic, eight count boxes as footwork
 * marks, and THE BEAT MARKER. Texts come from files (written by the caller) so no move name
 * can break filter-graph quoting.
 */
export interface DemoClipTextFiles { title: string; info: string; meta: string; count: string; head: string; body: string }

export const FONT_REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
export const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'

/** Holds danced in contact: the figures stand closer together. */
const CLOSE_HOLDS = new Set(['closed', 'cuddle', 'shadow', 'tandem', 'hammerlock'])

const num = (v: number) => v.toFixed(9).replace(/0+$/, '0')

/** Text for each file: the count expands per frame inside drawtext. */
export function demoClipTexts(m: MoveAnnotation): Record<keyof DemoClipTextFiles, string> {
  const variant = m.variant ? ` (${m.variant})` : ''
  const route = m.entry.hold === m.exit.hold ? m.entry.hold : `${m.entry.hold} -> ${m.exit.hold}`
  return {
    title: `${m.name}${variant}`,
    info: `${m.family} | ${route}`,
    meta: `${m.difficulty} | ${m.energy} energy | ${m.counts} counts | ${Math.round(m.nativeBpm * 10) / 10} BPM`,
    count: `%{eif:mod(floor((t-${num(m.firstCountOffset)}+0.000001)/${num(beatSeconds(m))}),8)+1:d}`,
    head: '\u25CF',
    body: '\u2588',
  }
}

/** Expressions over t shared by every element: u = seconds since count 1 (nudged past rounding). */
function timing(m: MoveAnnotation) {
  const beat = num(beatSeconds(m))
  const u = `(t-${num(m.firstCountOffset)}+0.000001)`
  const active = `gte(${u},0)*lt(${u},${num(m.counts * beatSeconds(m))})`
  const count0 = `mod(floor(${u}/${beat}),8)`
  return { beat, u, active, count0 }
}

export function demoClipFilter(m: MoveAnnotation, files: DemoClipTextFiles): string {
  const { width: W, height: H } = LIBRARY_FORMAT
  const { beat, u, active, count0 } = timing(m)
  const tap = `(eq(${count0},3)+eq(${count0},7))`
  const text = (file: string, font: string, size: number, color: string, x: string, y: string, extra = '') =>
    `drawtext=fontfile=${font}:textfile=${file}:expansion=none:fontsize=${size}:fontcolor=${color}:x='${x}':y='${y}'${extra}`
  const parts: string[] = [
    `drawbox=x=0:y=0:w=iw:h=${Math.round(H * 0.27)}:color=0x000000@0.35:t=fill`,
    text(files.title, FONT_BOLD, 38, 'white', '(w-text_w)/2', '22'),
    text(files.info, FONT_REGULAR, 24, '0xc8d0ff', '(w-text_w)/2', '74'),
    text(files.meta, FONT_REGULAR, 20, '0xa0a8c8', '(w-text_w)/2', '108'),
  ]
  // Two dancers sway one way for counts 1–4 and back for 5–8, hopping slightly on the taps.
  const sway = `55*sin(2*PI*max(${u},0)/(8*${beat}))`
  const hop = `22*${active}*${tap}`
  const gapX = CLOSE_HOLDS.has(m.entry.hold) ? 44 : 84
  for (const [dx, color] of [[-gapX, '0x6fa8ff'], [gapX, '0xff7fb0']] as const) {
    const x = `w/2+${dx}+${sway}-text_w/2`
    parts.push(text(files.head, FONT_REGULAR, 44, color, x, `${Math.round(H * 0.56)}-${hop}`))
    parts.push(text(files.body, FONT_REGULAR, 84, color, x, `${Math.round(H * 0.63)}-${hop}`))
  }
  // Footwork marks: eight boxes, the current count filled, taps in amber.
  const boxW = 58, gap = 12, boxH = 40
  const x0 = Math.round((W - 8 * boxW - 7 * gap) / 2)
  const y0 = H - boxH - 24
  for (let k = 0; k < 8; k++) {
    const x = x0 + k * (boxW + gap)
    const fill = k === 3 || k === 7 ? '0xffb000' : '0x4fd18b'
    parts.push(`drawbox=x=${x}:y=${y0}:w=${boxW}:h=${boxH}:color=0x8088a0:t=2`)
    parts.push(`drawbox=x=${x}:y=${y0}:w=${boxW}:h=${boxH}:color=${fill}:t=fill:enable='${active}*eq(${count0},${k})'`)
  }
  // The big count, white on steps and amber on the taps.
  const count = (color: string, when: string) =>
    `drawtext=fontfile=${FONT_BOLD}:textfile=${files.count}:expansion=normal:fontsize=120:fontcolor=${color}` +
    `:x='(w-text_w)/2':y='${Math.round(H * 0.29)}':enable='${active}*${when}'`
  parts.push(count('white', `(1-${tap})`), count('0xffb000', tap))
  // THE BEAT MARKER last, so nothing can ever be drawn over it.
  const r = markerRect(W, H)
  const box = `x=${r.x}:y=${r.y}:w=${r.w}:h=${r.h}:t=fill`
  parts.push(`drawbox=${box}:color=black`)
  parts.push(`drawbox=${box}:color=white:enable='${active}*lt(mod(${u},${beat}),${BEAT_FLASH_SECONDS})'`)
  return parts.join(',\n')
}
