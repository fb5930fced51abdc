import { open, readFile } from 'node:fs/promises'

/**
 * The compact word-vector file: a few MB instead of the 300 MB JSON it is cut from.
 *   "WVEC1\n" | uint32 LE header length | header JSON | words joined by "\n" |
 *   float32 scale per word | int8 × dims per word (unit vectors quantised by their max |x|)
 * Words keep the source's frequency order, so a word's position is its frequency rank.
 */
const MAGIC = 'WVEC1\n'

/** Where setup writes the compact vectors. Kept here, not in compact-word-vectors.ts: that
 * module references the 300 MB source JSON, which bundlers would pull into the server. */
export const DEFAULT_WORD_VECTORS_FILE = '.data/models/wink-100d.bin'

export interface WordVectorsHeader {
  dims: number
  count: number
  source: string
  /** Hash of the requested word list: a different list means the file must be rebuilt. */
  wordsHash: string
  /** Frequency rank (in the source vocabulary) of each stored word, for SIF weighting. */
  sourceSize: number
}

export interface WordVectors {
  header: WordVectorsHeader
  words: string[]
  /** Source frequency rank of each word (1 = most frequent). */
  ranks: Uint32Array
  index: Map<string, number>
  /** Dequantised unit vectors, count × dims. */
  data: Float32Array
}

export function encodeWordVectors(header: Omit<WordVectorsHeader, 'count'>, words: string[], ranks: number[], vectors: Float32Array[]): Buffer {
  const dims = header.dims
  const head = Buffer.from(JSON.stringify({ ...header, count: words.length }), 'utf8')
  const wordBytes = Buffer.from(words.join('\n'), 'utf8')
  const rankBytes = Buffer.from(new Uint32Array(ranks).buffer)
  const scales = new Float32Array(words.length)
  const q = new Int8Array(words.length * dims)
  vectors.forEach((v, i) => {
    let norm = 0
    for (const x of v) norm += x * x
    norm = Math.sqrt(norm) || 1
    let max = 0
    for (const x of v) max = Math.max(max, Math.abs(x / norm))
    const scale = max / 127 || 1
    scales[i] = scale
    for (let d = 0; d < dims; d++) q[i * dims + d] = Math.round(v[d] / norm / scale)
  })
  const len = Buffer.alloc(12)
  len.writeUInt32LE(head.length, 0)
  len.writeUInt32LE(wordBytes.length, 4)
  len.writeUInt32LE(rankBytes.length, 8)
  return Buffer.concat([Buffer.from(MAGIC), len, head, wordBytes, rankBytes, Buffer.from(scales.buffer), Buffer.from(q.buffer)])
}

export function decodeWordVectors(buf: Buffer): WordVectors {
  if (buf.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not a compact word-vector file')
  let off = MAGIC.length
  const headLen = buf.readUInt32LE(off), wordsLen = buf.readUInt32LE(off + 4), ranksLen = buf.readUInt32LE(off + 8)
  off += 12
  const header = JSON.parse(buf.subarray(off, off + headLen).toString('utf8')) as WordVectorsHeader
  off += headLen
  const words = buf.subarray(off, off + wordsLen).toString('utf8').split('\n')
  off += wordsLen
  const ranks = new Uint32Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + ranksLen))
  off += ranksLen
  const n = header.count, dims = header.dims
  const scales = new Float32Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + 4 * n))
  off += 4 * n
  const q = new Int8Array(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + n * dims))
  if (words.length !== n || ranks.length !== n || q.length !== n * dims) throw new Error('compact word-vector file is truncated')
  const data = new Float32Array(n * dims)
  for (let i = 0; i < n * dims; i++) data[i] = q[i] * scales[Math.floor(i / dims)]
  return { header, words, ranks, index: new Map(words.map((w, i) => [w, i])), data }
}

export async function readWordVectors(file: string): Promise<WordVectors> {
  return decodeWordVectors(await readFile(file))
}

/** Just the header (a few hundred bytes), to decide whether the file must be rebuilt. */
export async function readWordVectorsHeader(file: string): Promise<WordVectorsHeader | null> {
  const handle = await open(file, 'r').catch(() => null)
  if (!handle) return null
  try {
    const start = Buffer.alloc(MAGIC.length + 12)
    await handle.read(start, 0, start.length, 0)
    if (start.subarray(0, MAGIC.length).toString() !== MAGIC) return null
    const head = Buffer.alloc(Math.min(start.readUInt32LE(MAGIC.length), 64 * 1024))
    await handle.read(head, 0, head.length, start.length)
    return JSON.parse(head.toString('utf8')) as WordVectorsHeader
  } catch {
    return null
  } finally {
    await handle.close()
  }
}
