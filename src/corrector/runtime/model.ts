import { Tensor } from 'onnxruntime-node';
import type { ModelConfig } from './config.js';
import type { DecoderOutputs, RunDecoder } from '../decoding/decode.js';
import type { ModelSessions } from './session.js';

/** Encoder results for a batch of right-padded source rows. */
export interface EncodedBatch {
  batch: number;
  length: number;
  /** Real token count of each row. */
  lengths: number[];
  hidden: Float32Array;
  hiddenSize: number;
  attentionMask: BigInt64Array;
  layers: number;
  experts: number;
  /** routerProbs[layer][b][s][expert], flattened. */
  routerProbs: Float32Array;
}

/** Thin typed wrapper over the two ONNX sessions of the model contract. */
export class Seq2SeqModel {
  constructor(
    readonly sessions: ModelSessions,
    readonly config: ModelConfig,
  ) {}

  async encode(sources: readonly number[][]): Promise<EncodedBatch> {
    const batch = sources.length;
    const length = Math.max(1, ...sources.map((ids) => ids.length));
    const inputIds = new BigInt64Array(batch * length).fill(BigInt(this.config.special_tokens.pad));
    const attentionMask = new BigInt64Array(batch * length);
    sources.forEach((ids, row) => {
      ids.forEach((id, position) => {
        inputIds[row * length + position] = BigInt(id);
        attentionMask[row * length + position] = 1n;
      });
    });
    const outputs = await this.sessions.encoder.run({
      input_ids: new Tensor('int64', inputIds, [batch, length]),
      attention_mask: new Tensor('int64', attentionMask, [batch, length]),
    });
    const hidden = outputs.encoder_hidden;
    const router = outputs.encoder_router_probs;
    if (hidden === undefined || router === undefined) {
      throw new Error('encoder.onnx must output encoder_hidden and encoder_router_probs');
    }
    return {
      batch,
      length,
      lengths: sources.map((ids) => ids.length),
      hidden: hidden.data as Float32Array,
      hiddenSize: hidden.dims[2]!,
      attentionMask,
      layers: router.dims[0]!,
      experts: router.dims[3]!,
      routerProbs: router.data as Float32Array,
    };
  }

  /**
   * A decoder runner bound to one encoded batch. It reuses the encoder tensors of a set of rows
   * while that set stays; a decoding step may run a few sets (length groups), so a few are kept.
   */
  decoderFor(encoded: EncodedBatch): RunDecoder {
    const cache = new Map<string, { encoder_hidden: Tensor; attention_mask: Tensor }>();
    const pad = this.config.special_tokens.pad;
    return async (rows, inputs): Promise<DecoderOutputs> => {
      const key = rows.join(',');
      let cachedInputs = cache.get(key);
      if (cachedInputs === undefined) {
        if (cache.size >= 4) cache.clear();
        cachedInputs = selectEncoderRows(encoded, rows);
        cache.set(key, cachedInputs);
      }
      const batch = rows.length;
      const length = Math.max(...inputs.map((ids) => ids.length));
      const decoderInputIds = new BigInt64Array(batch * length).fill(BigInt(pad));
      inputs.forEach((ids, row) => {
        ids.forEach((id, position) => {
          decoderInputIds[row * length + position] = BigInt(id);
        });
      });
      const outputs = await this.sessions.decoder.run({
        decoder_input_ids: new Tensor('int64', decoderInputIds, [batch, length]),
        ...cachedInputs,
      });
      const logits = outputs.logits;
      const router = outputs.decoder_router_probs;
      if (logits === undefined || router === undefined) {
        throw new Error('decoder.onnx must output logits and decoder_router_probs');
      }
      return {
        batch,
        length,
        vocabSize: logits.dims[2]!,
        logits: logits.data as Float32Array,
        layers: router.dims[0]!,
        experts: router.dims[3]!,
        routerProbs: router.data as Float32Array,
      };
    };
  }
}

function selectEncoderRows(
  encoded: EncodedBatch,
  rows: readonly number[],
): { encoder_hidden: Tensor; attention_mask: Tensor } {
  const { length, hiddenSize } = encoded;
  const rowSize = length * hiddenSize;
  const hidden = new Float32Array(rows.length * rowSize);
  const mask = new BigInt64Array(rows.length * length);
  rows.forEach((row, index) => {
    hidden.set(encoded.hidden.subarray(row * rowSize, (row + 1) * rowSize), index * rowSize);
    mask.set(encoded.attentionMask.subarray(row * length, (row + 1) * length), index * length);
  });
  return {
    encoder_hidden: new Tensor('float32', hidden, [rows.length, length, hiddenSize]),
    attention_mask: new Tensor('int64', mask, [rows.length, length]),
  };
}
