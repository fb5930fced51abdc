import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Embedder } from './embedder'

/** Hub id; locally the model lives in MODEL_DIR/Xenova/all-MiniLM-L6-v2/ (the same path a download fills). */
export const DEFAULT_TRANSFORMERS_MODEL = 'Xenova/all-MiniLM-L6-v2'

export interface TransformersEmbedderOptions {
  /** Directory holding `<modelName>/config.json, tokenizer.json, onnx/model*.onnx`; defaults to env MODEL_DIR. */
  modelDir?: string
  modelName?: string
  /**
   * Download from the Hugging Face hub into modelDir when the model is missing. Off unless
   * asked for: these machines have no route to the hub, and tests must never download.
   */
  allowRemote?: boolean
  /** Texts per inference call; bounds memory for long re-embeds. */
  batchSize?: number
}

type FeatureExtractor = (texts: string[], opts: { pooling: 'mean'; normalize: boolean }) => Promise<{ data: Float32Array; dims: number[] }>

/**
 * Sentence embeddings with transformers.js (all-MiniLM-L6-v2 by default): WordPiece
 * tokenising, the ONNX encoder, mean pooling over the attention mask and L2 normalisation.
 * transformers.js keeps its settings in a module-wide `env`; they are set here, on load,
 * and nowhere else.
 */
export class TransformersEmbedder implements Embedder {
  private constructor(
    readonly id: string,
    readonly dims: number,
    private readonly extract: FeatureExtractor,
    private readonly batchSize: number,
  ) {}

  static async load(opts: TransformersEmbedderOptions = {}): Promise<TransformersEmbedder> {
    const modelName = opts.modelName ?? DEFAULT_TRANSFORMERS_MODEL
    const dirOption = opts.modelDir ?? process.env.MODEL_DIR
    if (!dirOption) throw new Error('TransformersEmbedder needs a model directory (MODEL_DIR)')
    const modelDir = resolve(dirOption)
    const local = join(modelDir, modelName)
    if (!existsSync(join(local, 'config.json')) && !opts.allowRemote) {
      throw new Error(`no ${modelName} model in ${modelDir} and remote download is not allowed`)
    }
    const { env, pipeline } = await import('@xenova/transformers')
    env.localModelPath = `${modelDir}/`
    env.allowLocalModels = true
    env.allowRemoteModels = opts.allowRemote === true
    // Where the hub is reachable, a download lands in the model directory and is reused.
    env.cacheDir = `${modelDir}/`
    env.useBrowserCache = false
    const quantized = existsSync(join(local, 'onnx', 'model_quantized.onnx')) || !existsSync(join(local, 'onnx', 'model.onnx'))
    const extract = (await pipeline('feature-extraction', modelName, { quantized })) as unknown as FeatureExtractor
    const config = JSON.parse(await readFile(join(local, 'config.json'), 'utf8').catch(() => '{}')) as { hidden_size?: number }
    const dims = config.hidden_size ?? (await extract(['probe'], { pooling: 'mean', normalize: true })).dims.at(-1)!
    return new TransformersEmbedder(`transformers:${modelName}:${quantized ? 'q8' : 'fp32'}`, dims, extract, opts.batchSize ?? 32)
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = []
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize)
      const tensor = await this.extract(batch, { pooling: 'mean', normalize: true })
      for (let row = 0; row < batch.length; row++) {
        out.push(Float32Array.from(tensor.data.subarray(row * this.dims, (row + 1) * this.dims)))
      }
    }
    return out
  }
}
