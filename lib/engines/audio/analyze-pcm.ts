import { AppError } from '@/lib/shared/errors'
import { ANALYSIS_VERSION, SongAnalysisSchema, type SongAnalysis } from './analysis-schema'
import { ANALYSIS_SAMPLE_RATE } from './analysis-config'
import { buildOnsetEnvelope } from './build-onset-envelope'
import { buildPhrases } from './build-phrases'
import { checkTempoRange } from './check-tempo-range'
import { computeSpectralFeatures } from './compute-spectral-features'
import { describePhrases, phraseMatrix } from './describe-phrases'
import { decodeCountGrid, describeCountGrid, sectionCountSureness } from './decode-count-grid'
import { detectBreaks } from './detect-breaks'
import { estimateKey } from './estimate-key'
import { estimateTempo } from './estimate-tempo'
import { estimateTempoCurve } from './estimate-tempo-curve'
import { findCountOne } from './find-count-one'
import { findMetricalPhase } from './find-metrical-phase'
import { holdBeatPhase } from './hold-beat-phase'
import { labelSections } from './label-sections'
import { measureBeatCues } from './measure-beat-cues'
import { measureEnergyEnvelope } from './measure-energy-envelope'
import { measurePulseClarity } from './measure-pulse-clarity'
import { rateEnergy } from './rate-energy'
import { resamplePcm } from './resample-pcm'
import { retrackThreeTwo } from './retrack-three-two'
import { barConfidence, beatsConfidence, scoreConfidence } from './score-confidence'
import { median } from './signal-utils'
import { summarizeBeats } from './summarize-beats'
import { barTemplateAtBeats, trackBeatsAndBars } from './track-beats-and-bars'
import { ringOutPhraseStart, trimUnmeteredEdges } from './trim-unmetered-edges'

/** Tightness of the first, loose beat tracking around the tempo curve (see track-beats-and-bars, hold-beat-phase). */
const TIGHTNESS = 1000
/** Fewer metered beats than this (four bars) is no song to count: the analysis says "no steady beat". */
const MIN_METERED_BEATS = 16
const round3 = (t: number) => Math.round(t * 1000) / 1000

/**
 * The whole analysis of one song, pure and deterministic: PCM in, SongAnalysis out.
 * Steps: features → onset envelope → tempo and tempo curve → beats with bar positions (a 3:2
 * reading re-tracked at 3/2, the phase then held from the first clear beats) → trim unmetered
 * edges → pausas → the count decoded along the beats (again without a phrase it starts in a
 * fade-out's ring-out) → phrases → sections and labels → energy, key, confidence.
 */
export interface AnalyzeOptions {
  /**
   * 'local' (the default): the count decoded beat by beat along the song; it may leave the
   * 8-count lattice at evidence (tags, 2-beat bars, restarts; see decode-count-grid).
   * 'song': one count-one parity for the whole song, bars strictly 4-cyclic (the analyser
   * before issue 10, kept as the baseline of bench:count-one).
   */
  phraseTracking?: 'song' | 'local'
}

export function analyzePcm(pcm: Float32Array, sampleRate: number, opts: AnalyzeOptions = {}): SongAnalysis {
  const local = opts.phraseTracking !== 'song'
  if (!(pcm instanceof Float32Array) || pcm.length === 0) throw AppError.validation('Audio is empty')
  if (!Number.isFinite(sampleRate) || sampleRate < 4000 || sampleRate > 384000) {
    throw AppError.validation(`Unsupported sample rate ${sampleRate} Hz (4 kHz to 384 kHz)`)
  }
  const durationSeconds = pcm.length / sampleRate
  const x = sanitize(resamplePcm(pcm, sampleRate, ANALYSIS_SAMPLE_RATE))
  const features = computeSpectralFeatures(x)
  const env = buildOnsetEnvelope(features)
  const fr = env.frameRate
  const firstTempo = estimateTempo(env.combined, fr)
  const firstCurve = estimateTempoCurve(env.combined, fr, firstTempo.period)
  const firstTracked = trackBeatsAndBars(env.combined, env.bands, { period: firstCurve.periodAt, tightness: TIGHTNESS })
  const { tempo, curve, tracked: loose } = retrackThreeTwo(env.combined, env.bands, fr, { tempo: firstTempo, curve: firstCurve, tracked: firstTracked }, TIGHTNESS)
  const tracked = holdBeatPhase(env.combined, env.bands, curve.periodAt, loose, measurePulseClarity(env.combined, loose.beats, curve.periodAt))
  const clarity = measurePulseClarity(env.combined, tracked.beats, curve.periodAt)
  const trimmed = trimUnmeteredEdges(tracked.beats, env.combined, { clarity })
  const first = trimmed.first
  let last = trimmed.last
  const key = estimateKey(features.chroma)
  const energyEnvelope = measureEnergyEnvelope(x, ANALYSIS_SAMPLE_RATE)
  if (last - first + 1 < MIN_METERED_BEATS) return unmetered(durationSeconds, tempo.bpm, key, energyEnvelope)

  // The beats up to `upTo`, what they sound like, and the count decoded along them.
  const countBeats = (upTo: number) => {
    const beatFrames = tracked.beats.slice(first, upTo + 1)
    const beats = beatFrames.map((f) => f / fr)
    const summary = summarizeBeats(beatFrames, features, env.bands, tempo.period)
    const breakSpans = detectBreaks(summary)
    const grid = local
      ? decodeCountGrid({ template: barTemplateAtBeats(env.bands, curve.periodAt, beatFrames), cues: measureBeatCues(summary, key), beatTimes: beats, breaks: breakSpans })
      : null
    return { beatFrames, beats, summary, breakSpans, grid }
  }
  let counted = countBeats(last)
  // A phrase the count starts in a fade-out's ring-out is no phrase: count again without it.
  const ringOut = counted.grid ? ringOutPhraseStart(counted.grid.countOnes, counted.summary.energyDb) : null
  if (ringOut !== null && ringOut >= MIN_METERED_BEATS) {
    last = first + ringOut - 1
    counted = countBeats(last)
  }
  const { beatFrames, beats, summary, breakSpans, grid } = counted
  const positions = tracked.positions.slice(first, last + 1)

  // Median beat period over 8-beat spans: frame quantisation (11.6 ms) of single gaps would
  // otherwise bias the tempo by up to 1 %.
  const spans = beats.slice(8).map((t, i) => (t - beats[i]) / 8)
  const beatPeriod = median(spans)
  const downIdx = grid ? grid.downbeats : positions.flatMap((p, i) => (p === 0 ? [i] : []))
  const count = findCountOne(downIdx, summary)
  const countOneIdx = grid ? grid.countOnes : downIdx.filter((_, j) => j % 2 === count.parity)

  const phrases = buildPhrases(beats, countOneIdx, beatPeriod, durationSeconds)
  const pf = describePhrases(phrases, summary, features)
  const rows = phraseMatrix(pf)
  const reentries = breakSpans.map((b) => phrases.findIndex((p) => p.firstBeat >= b.endBeat)).filter((i) => i > 0)
  const pausas = phrases.flatMap((p, i) => (breakSpans.some((b) => b.startBeat < p.endBeat && b.endBeat > p.firstBeat) ? [i] : []))
  const segments = labelSections(pf, rows, { forced: reentries, pausas, beats: phrases.map((p) => p.endBeat - p.firstBeat) })
  const energy = rateEnergy(pf, tempo.bpm)

  const sections: SongAnalysis['sections'] = []
  const lead = phrases[0]?.start ?? 0
  if (lead > 1) sections.push({ label: 'intro', start: 0, end: round3(lead), energy: 0, repeatOf: null })
  for (const s of segments) {
    const idx = phrases.slice(s.startPhrase, s.endPhrase)
    const e = idx.map((_, k) => energy.phrase[s.startPhrase + k])
    sections.push({
      label: s.label,
      start: round3(idx[0].start),
      end: round3(idx[idx.length - 1].end),
      energy: Math.round((e.reduce((a, b) => a + b, 0) / e.length) * 1000) / 1000,
      repeatOf: s.repeatOf === null ? null : s.repeatOf + (lead > 1 ? 1 : 0),
    })
  }
  // Sections tile the whole file: a short pickup before the first count 1 joins the first
  // section, a ring-out after the last beat joins the last.
  if (sections.length) {
    sections[0].start = 0
    sections[sections.length - 1].end = round3(Math.max(sections[sections.length - 1].end, durationSeconds))
  }
  // How sure the count one is in each section: the count decoder's evidence for its phase
  // there, halved where it left the lattice in or right after the section (where it placed a
  // tag or a 2-beat bar, a bar early or late is the likeliest mistake: check the count there);
  // else the song-wide figure for every section.
  const irregularities = grid ? describeCountGrid(grid, beats, breakSpans).map((i) => ({ ...i, time: round3(i.time) })) : []
  const leftLattice = irregularities.filter((r) => r.counts !== 0).map((r) => r.time)
  const bar = 4 * beatPeriod
  sections.forEach((sec) => {
    const sure = grid ? sectionCountSureness(grid, beats, sec.start, sec.end) : count.confidence
    const jumped = leftLattice.some((t) => t >= sec.start - bar && t < sec.end + bar)
    sec.countOneConfidence = Math.round(sure * (jumped ? 0.5 : 1) * 1000) / 1000
  })
  const sectionOf = (p: number) => segments.findIndex((s) => p >= s.startPhrase && p < s.endPhrase) + (lead > 1 ? 1 : 0)

  const phase = findMetricalPhase({ beats: beatFrames, bands: env.bands, harmonicChange: summary.harmonicChange })
  const sortedScores = [...phase.scores].sort((a, b) => b - a)
  const parts = {
    tempo: tempo.clarity,
    beats: beatsConfidence(median(clarity.slice(first, last + 1))),
    bars: barConfidence(sortedScores[0] - sortedScores[1], !phase.offBeat && phase.barOffset === (downIdx[0] ?? 0) % 4),
    countOne: grid ? median(sections.map((sec) => sec.countOneConfidence ?? 0)) : count.confidence,
    coverage: (beats[beats.length - 1] - beats[0]) / durationSeconds,
  }

  return SongAnalysisSchema.parse({
    version: ANALYSIS_VERSION,
    durationSeconds: round3(durationSeconds),
    bpm: Math.round((60 / beatPeriod) * 10) / 10,
    beats: beats.map(round3),
    downbeats: downIdx.map((i) => round3(beats[i])),
    countOne: countOneIdx.map((i) => round3(beats[i])),
    phrases: phrases.map((p, i) => ({
      index: i,
      start: round3(p.start),
      end: round3(p.end),
      energy: energy.phrase[i],
      section: sections[sectionOf(i)]?.label ?? 'verse',
      sectionIndex: Math.max(0, sectionOf(i)),
    })),
    sections,
    breaks: breakSpans.map((b) => ({ start: round3(beats[b.startBeat]), end: round3(beats[Math.min(b.endBeat, beats.length - 1)]) })),
    irregularities,
    confidence: scoreConfidence(parts),
    confidenceParts: parts,
    energyClass: energy.songClass,
    energyEnvelope,
    key,
    warnings: checkTempoRange({ envelope: env.combined, beatFrames, bpm: 60 / beatPeriod, confidence: scoreConfidence(parts) }),
  })
}

/** No usable pulse (silence, noise, a tone, free-time music): say so, with confidence 0. */
function unmetered(durationSeconds: number, bpm: number, key: string | null, energyEnvelope: SongAnalysis['energyEnvelope']): SongAnalysis {
  return SongAnalysisSchema.parse({
    version: ANALYSIS_VERSION,
    durationSeconds: round3(durationSeconds),
    bpm: Math.round(bpm * 10) / 10,
    beats: [], downbeats: [], countOne: [], phrases: [],
    sections: [{ label: 'intro', start: 0, end: round3(durationSeconds), energy: 0, repeatOf: null }],
    breaks: [],
    confidence: 0,
    confidenceParts: { tempo: 0, beats: 0, bars: 0, countOne: 0, coverage: 0 },
    energyClass: 'low',
    energyEnvelope,
    key,
  })
}

/** NaN/Infinity (a broken decoder, a bad caller) would poison every sum downstream. */
function sanitize(x: Float32Array): Float32Array {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      const y = Float32Array.from(x, (v) => (Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0))
      return y
    }
  }
  return x
}
