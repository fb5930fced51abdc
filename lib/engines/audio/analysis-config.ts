/**
 * Fixed analysis parameters. One analysis rate for everything keeps band edges, frame
 * timing and meyda's cached filter banks consistent; 22.05 kHz keeps the güira and the
 * bongo slap (2–10 kHz) while halving the work of 44.1 kHz.
 */
export const ANALYSIS_SAMPLE_RATE = 22050
/** Onset frames: 46 ms window, 11.6 ms hop (86 frames/s). */
export const ONSET_FRAME = 512
export const ONSET_HOP = 256
export const FRAME_RATE = ANALYSIS_SAMPLE_RATE / ONSET_HOP
/**
 * Chroma frames: 10.8 Hz bins resolve semitones from ~200 Hz up, where chords live. Back to
 * back (hop = frame): with a hop of twice the frame, half the audio never reached the chroma and
 * a beat's chroma was whatever two 93 ms snapshots caught, so a bar played twice (a tag: the same
 * audio) read as less alike than two different bars (0.82 against 0.93 in a lenta tag song) and
 * the tag went on the wrong bar. Wide dev set count-one F 0.990 -> 0.992 (two tag songs righted,
 * none lost; dev unchanged), tuning irregular 0.981 -> 0.995; ~8 % more analysis CPU.
 */
export const CHROMA_FRAME = 2048
export const CHROMA_HOP = 2048
/** Timbre (MFCC via meyda): every 43rd onset frame (~2 per second) is plenty for sections. */
export const TIMBRE_EVERY = 43

/** Onset bands, Hz: bass | low drums & guitar body | guitar & voice | slap & güira | air. */
export const ONSET_BANDS: ReadonlyArray<readonly [number, number]> = [
  [30, 150], [150, 400], [400, 1500], [1500, 5000], [5000, 11025],
]
export const BAND = { bass: 0, low: 1, mid: 2, highMid: 3, high: 4 } as const

/** Bachata lives here (slow sensual ballads near 100, fast Dominican near 160–170): the tempo
 * search is confined to this one octave, and a song whose pulse lies outside gets a warning. */
export const MIN_BPM = 90
export const MAX_BPM = 180
export const PRIOR_BPM = 128
