import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import onnxProto from 'onnx-proto'
import type { onnx as OnnxTypes } from 'onnx-proto'

// A CommonJS module without static named exports: take the namespace off the default export.
const { onnx } = onnxProto

/**
 * Writes a tiny BERT-shaped model in the layout transformers.js loads from a local model
 * directory (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx), so the
 * TransformersEmbedder code path — loading, WordPiece tokenising, ONNX inference, mean
 * pooling — really runs in tests without any download. The weights are seeded noise: the
 * vectors mean nothing, but tests can recompute them exactly from `weights`.
 *
 * Graph: h = tanh(LayerNorm(word[id] + type[tt] + pos[i]) · W + b) · mask → last_hidden_state
 */
export const TINY_HIDDEN = 16
const MAX_POSITIONS = 64
const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']
const WORDS = ('turn twirl spin dip drop sensual slow fast footwork basic body wave hip roll head shadow hammerlock ' +
  'close open hold easy beginner advanced double twice her the a for and with madrid bolero golpe cuddle').split(' ')
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('')
export const TINY_VOCAB = [...SPECIALS, ...WORDS, ...LETTERS, ...LETTERS.map((l) => `##${l}`), '##s', '##ing', '##ed']

export interface TinyWeights { word: Float32Array; type: Float32Array; pos: Float32Array; gamma: Float32Array; beta: Float32Array; w: Float32Array; b: Float32Array }

function seeded(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5
  }
}

export function tinyWeights(): TinyWeights {
  const rnd = seeded(7)
  const make = (n: number, scale = 1, base = 0) => Float32Array.from({ length: n }, () => base + rnd() * scale)
  const H = TINY_HIDDEN
  return {
    word: make(TINY_VOCAB.length * H), type: make(2 * H, 0.2), pos: make(MAX_POSITIONS * H, 0.2),
    gamma: make(H, 0.2, 1), beta: make(H, 0.2), w: make(H * H, 0.8), b: make(H, 0.2),
  }
}

const f32 = (name: string, dims: number[], data: Float32Array) =>
  onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: new Uint8Array(data.buffer.slice(0)) })
const i64 = (name: string, dims: number[], values: number[]) =>
  onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.INT64, rawData: new Uint8Array(BigInt64Array.from(values.map(BigInt)).buffer) })
const node = (opType: string, input: string[], output: string[], attribute: OnnxTypes.IAttributeProto[] = []) =>
  onnx.NodeProto.create({ opType, input, output, attribute, name: output[0] })
const io = (name: string, elemType: number, dims: (string | number)[]) =>
  onnx.ValueInfoProto.create({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } },
  })

function modelBytes(w: TinyWeights): Uint8Array {
  const H = TINY_HIDDEN, INT64 = onnx.TensorProto.DataType.INT64, FLOAT = onnx.TensorProto.DataType.FLOAT
  const graph = onnx.GraphProto.create({
    name: 'tiny-bert',
    input: [io('input_ids', INT64, ['batch', 'seq']), io('attention_mask', INT64, ['batch', 'seq']), io('token_type_ids', INT64, ['batch', 'seq'])],
    output: [io('last_hidden_state', FLOAT, ['batch', 'seq', H])],
    initializer: [
      f32('word_emb', [TINY_VOCAB.length, H], w.word), f32('type_emb', [2, H], w.type), f32('pos_emb', [MAX_POSITIONS, H], w.pos),
      f32('ln_gamma', [H], w.gamma), f32('ln_beta', [H], w.beta), f32('dense_w', [H, H], w.w), f32('dense_b', [H], w.b),
      i64('zero', [], [0]), i64('one', [], [1]), i64('last_axis', [1], [-1]),
    ],
    node: [
      node('Gather', ['word_emb', 'input_ids'], ['words']),
      node('Gather', ['type_emb', 'token_type_ids'], ['types']),
      node('Shape', ['input_ids'], ['ids_shape']),
      node('Gather', ['ids_shape', 'one'], ['seq_len']),
      node('Range', ['zero', 'seq_len', 'one'], ['positions']),
      node('Gather', ['pos_emb', 'positions'], ['pos']),
      node('Add', ['words', 'types'], ['wt']),
      node('Add', ['wt', 'pos'], ['embedded']),
      node('LayerNormalization', ['embedded', 'ln_gamma', 'ln_beta'], ['normed'], [
        { name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: -1 },
        { name: 'epsilon', type: onnx.AttributeProto.AttributeType.FLOAT, f: 1e-12 },
      ]),
      node('MatMul', ['normed', 'dense_w'], ['projected']),
      node('Add', ['projected', 'dense_b'], ['biased']),
      node('Tanh', ['biased'], ['hidden']),
      node('Cast', ['attention_mask'], ['mask_f'], [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }]),
      node('Unsqueeze', ['mask_f', 'last_axis'], ['mask_3d']),
      node('Mul', ['hidden', 'mask_3d'], ['last_hidden_state']),
    ],
  })
  const model = onnx.ModelProto.create({
    irVersion: 8, producerName: 'bachata-buddy-tests', opsetImport: [{ domain: '', version: 17 }], graph,
  })
  return onnx.ModelProto.encode(model).finish()
}

function tokenizerJson() {
  const vocab = Object.fromEntries(TINY_VOCAB.map((t, i) => [t, i]))
  const special = (t: string) => ({ id: vocab[t], content: t, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })
  return {
    version: '1.0', truncation: null, padding: null,
    added_tokens: SPECIALS.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  }
}

/** Writes the model under `<root>/<name>/` (once) and returns the weights to check against. */
export async function makeTinyBertModel(root: string, name = 'tiny-bert'): Promise<{ root: string; name: string; weights: TinyWeights }> {
  const dir = join(root, name)
  const weights = tinyWeights()
  if (!existsSync(join(dir, 'onnx', 'model.onnx'))) {
    await mkdir(join(dir, 'onnx'), { recursive: true })
    await writeFile(join(dir, 'config.json'), JSON.stringify({
      model_type: 'bert', architectures: ['BertModel'], hidden_size: TINY_HIDDEN, vocab_size: TINY_VOCAB.length,
      max_position_embeddings: MAX_POSITIONS, num_attention_heads: 1, num_hidden_layers: 1, intermediate_size: TINY_HIDDEN, type_vocab_size: 2,
    }))
    await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizerJson()))
    await writeFile(join(dir, 'tokenizer_config.json'), JSON.stringify({
      tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: MAX_POSITIONS,
      cls_token: '[CLS]', sep_token: '[SEP]', pad_token: '[PAD]', unk_token: '[UNK]', mask_token: '[MASK]',
    }))
    await writeFile(join(dir, 'onnx', 'model.onnx'), modelBytes(weights))
  }
  return { root, name, weights }
}
