import Meyda from 'meyda'
import { ANALYSIS_SAMPLE_RATE } from './analysis-config'

/**
 * MFCCs with meyda's extractor, fed the magnitude spectrum we already computed: meyda's own
 * extract() would redo an FFT per frame with its slow FFT. Meyda builds its mel filter bank
 * lazily inside extract() on a module-level singleton (and does not rebuild it when the
 * sample rate changes), so the bank is built here once per frame size, explicitly.
 */
type MfccExtractor = (args: { ampSpectrum: Float32Array; melFilterBank: number[][]; numberOfMFCCCoefficients: number; bufferSize: number }) => number[]
type MeydaInternals = { melFilterBank?: number[][]; featureExtractors: { mfcc: MfccExtractor } }

const banks = new Map<number, number[][]>()

function melBank(frameSize: number): number[][] {
  const cached = banks.get(frameSize)
  if (cached) return cached
  const m = Meyda as unknown as MeydaInternals
  const saved = { bufferSize: Meyda.bufferSize, sampleRate: Meyda.sampleRate, bank: m.melFilterBank }
  Meyda.bufferSize = frameSize
  Meyda.sampleRate = ANALYSIS_SAMPLE_RATE
  m.melFilterBank = undefined
  Meyda.extract('mfcc', new Float32Array(frameSize))
  const bank = m.melFilterBank!
  // Leave the singleton as we found it for anyone else using meyda in this process.
  Meyda.bufferSize = saved.bufferSize
  Meyda.sampleRate = saved.sampleRate
  m.melFilterBank = saved.bank
  banks.set(frameSize, bank)
  return bank
}

/** Returns a function: magnitude spectrum (frameSize/2 + 1 bins) → 13 MFCCs. */
export function createMfcc(frameSize: number): (magnitudes: Float32Array) => Float32Array {
  const bank = melBank(frameSize)
  const extract = (Meyda as unknown as MeydaInternals).featureExtractors.mfcc
  const amp = new Float32Array(frameSize / 2)
  return (magnitudes) => {
    // Our magnitudes are normalised (x 2/N); meyda expects raw FFT magnitudes.
    for (let k = 0; k < amp.length; k++) amp[k] = (magnitudes[k] * frameSize) / 2
    const v = extract({ ampSpectrum: amp, melFilterBank: bank, numberOfMFCCCoefficients: 13, bufferSize: frameSize })
    return Float32Array.from(v, (x) => (Number.isFinite(x) ? x : 0))
  }
}
