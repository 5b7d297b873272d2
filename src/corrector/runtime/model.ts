import { Tensor } from 'onnxruntime-node';
import type { ModelConfig } from './config.js';
import type { SlotDecoder, StepOutputs } from '../decoding/decode.js';
import type { ModelSessions } from './session.js';

/** Encoder results for a batch of right-padded source rows. */
export interface EncodedBatch {
  batch: number;
  length: number;
  /** Real token count of each row. */
  lengths: number[];
  attentionMask: BigInt64Array;
  layers: number;
  experts: number;
  /** routerProbs[layer][b][s][expert], flattened. */
  routerProbs: Float32Array;
  /**
   * Per decoder layer, the cross-attention keys [B,H,D/H,S] (transposed) and values [B,H,S,D/H]:
   * they depend only on the source, so they are computed once here, not in every decoder pass.
   */
  crossKeys: Float32Array[];
  crossValues: Float32Array[];
}

/** The decoder outputs a pass reads; the logits stay inside onnxruntime. */
const STEP_OUTPUTS = ['next_tokens', 'next_token_probs', 'decoder_router_probs'];

/** Thin typed wrapper over the two ONNX sessions of the model contract. */
export class Seq2SeqModel {
  readonly heads: number;
  readonly headWidth: number;
  readonly layers: number;
  private readonly stepOutputs: string[];

  constructor(
    readonly sessions: ModelSessions,
    readonly config: ModelConfig,
  ) {
    this.heads = config.n_heads;
    this.headWidth = config.d_model / config.n_heads;
    this.layers = config.n_decoder_layers;
    this.stepOutputs = [...STEP_OUTPUTS];
    for (let layer = 0; layer < this.layers; layer++)
      this.stepOutputs.push(`new_key_${layer}`, `new_value_${layer}`);
  }

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
    const router = outputs.encoder_router_probs;
    if (router === undefined) throw new Error('encoder.onnx must output encoder_router_probs');
    const crossKeys: Float32Array[] = [];
    const crossValues: Float32Array[] = [];
    for (let layer = 0; layer < this.layers; layer++) {
      const keys = outputs[`cross_key_${layer}`];
      const values = outputs[`cross_value_${layer}`];
      if (keys === undefined || values === undefined) {
        throw new Error(`encoder.onnx must output cross_key_${layer} and cross_value_${layer}`);
      }
      crossKeys.push(keys.data as Float32Array);
      crossValues.push(values.data as Float32Array);
    }
    return {
      batch,
      length,
      lengths: sources.map((ids) => ids.length),
      attentionMask,
      layers: router.dims[0]!,
      experts: router.dims[3]!,
      routerProbs: router.data as Float32Array,
      crossKeys,
      crossValues,
    };
  }

  /** A decoder of `slots` empty slots; admit() puts encoded rows into them. */
  decoderPool(slots: number): DecoderPool {
    return new DecoderPool(this, slots);
  }

  /** A decoder holding the rows of one encoded batch in slots 0..batch-1. */
  decoderFor(encoded: EncodedBatch): DecoderPool {
    const pool = this.decoderPool(encoded.batch);
    for (let row = 0; row < encoded.batch; row++) pool.admit(row, encoded, row);
    return pool;
  }

  /** One decoder pass; the caches are read in place by onnxruntime (CPU tensors over our arrays). */
  async runDecoder(feeds: Record<string, Tensor>): Promise<Record<string, Tensor>> {
    const outputs = await this.sessions.decoder.run(feeds, this.stepOutputs);
    for (const name of this.stepOutputs) {
      if (outputs[name] === undefined) throw new Error(`decoder.onnx must output ${name}`);
    }
    return outputs as Record<string, Tensor>;
  }
}

/**
 * The decoder's state for a fixed number of slots: per layer, the self-attention cache (keys
 * [slots,H,D/H,C] stored transposed, values [slots,H,C,D/H], C = max_target_tokens) and the cross
 * keys and values of each slot's source, padded to the longest source admitted so far. They live in
 * arrays that onnxruntime reads in place on every pass; a pass returns only the new positions' keys
 * and values, written here at each row's place, so no pass copies a whole cache.
 */
export class DecoderPool implements SlotDecoder {
  private slots: number;
  private readonly capacity: number;
  private sourceCapacity = 1;
  private selfKeys: Float32Array[] = [];
  private selfValues: Float32Array[] = [];
  private crossKeys: Float32Array[] = [];
  private crossValues: Float32Array[] = [];
  private sourceMask: BigInt64Array;

  constructor(
    private readonly model: Seq2SeqModel,
    slots: number,
  ) {
    this.slots = slots;
    this.capacity = model.config.max_target_tokens;
    this.sourceMask = new BigInt64Array(slots);
    this.allocate();
  }

  get slotCount(): number {
    return this.slots;
  }

  /** Puts row `row` of an encoded batch into `slot`; the slot's decoder cache counts as empty. */
  admit(slot: number, encoded: EncodedBatch, row: number): void {
    if (encoded.length > this.sourceCapacity) this.growSource(encoded.length);
    const { heads, headWidth } = this.model;
    const width = this.sourceCapacity;
    const length = encoded.length;
    for (let layer = 0; layer < this.model.layers; layer++) {
      const keys = this.crossKeys[layer]!;
      const values = this.crossValues[layer]!;
      const sourceKeys = encoded.crossKeys[layer]!;
      const sourceValues = encoded.crossValues[layer]!;
      keys.fill(0, slot * heads * headWidth * width, (slot + 1) * heads * headWidth * width);
      values.fill(0, slot * heads * width * headWidth, (slot + 1) * heads * width * headWidth);
      for (let h = 0; h < heads; h++) {
        for (let d = 0; d < headWidth; d++) {
          const from = ((row * heads + h) * headWidth + d) * length;
          keys.set(
            sourceKeys.subarray(from, from + length),
            ((slot * heads + h) * headWidth + d) * width,
          );
        }
        const from = (row * heads + h) * length * headWidth;
        values.set(
          sourceValues.subarray(from, from + length * headWidth),
          (slot * heads + h) * width * headWidth,
        );
      }
    }
    this.sourceMask.fill(0n, slot * width, (slot + 1) * width);
    this.sourceMask.set(
      encoded.attentionMask.subarray(row * length, (row + 1) * length),
      slot * width,
    );
  }

  async step(
    inputs: readonly (readonly number[] | undefined)[],
    cached: readonly number[],
  ): Promise<StepOutputs> {
    const { heads, headWidth, layers } = this.model;
    const batch = this.slots;
    let length = 1;
    for (let slot = 0; slot < batch; slot++) length = Math.max(length, inputs[slot]?.length ?? 0);
    const pad = BigInt(this.model.config.special_tokens.pad);
    const ids = new BigInt64Array(batch * length).fill(pad);
    const pastLengths = new BigInt64Array(batch);
    for (let slot = 0; slot < batch; slot++) {
      const row = inputs[slot] ?? [];
      if (row.length > 0 && cached[slot]! + row.length > this.capacity) {
        throw new Error(`slot ${slot} would exceed ${this.capacity} decoder positions`);
      }
      row.forEach((id, position) => (ids[slot * length + position] = BigInt(id)));
      pastLengths[slot] = BigInt(row.length > 0 ? cached[slot]! : 0);
    }
    const feeds: Record<string, Tensor> = {
      decoder_input_ids: new Tensor('int64', ids, [batch, length]),
      past_lengths: new Tensor('int64', pastLengths, [batch]),
      attention_mask: new Tensor('int64', this.sourceMask, [batch, this.sourceCapacity]),
    };
    for (let layer = 0; layer < layers; layer++) {
      feeds[`past_key_${layer}`] = new Tensor('float32', this.selfKeys[layer]!, [
        batch,
        heads,
        headWidth,
        this.capacity,
      ]);
      feeds[`past_value_${layer}`] = new Tensor('float32', this.selfValues[layer]!, [
        batch,
        heads,
        this.capacity,
        headWidth,
      ]);
      feeds[`cross_key_${layer}`] = new Tensor('float32', this.crossKeys[layer]!, [
        batch,
        heads,
        headWidth,
        this.sourceCapacity,
      ]);
      feeds[`cross_value_${layer}`] = new Tensor('float32', this.crossValues[layer]!, [
        batch,
        heads,
        this.sourceCapacity,
        headWidth,
      ]);
    }
    const outputs = await this.model.runDecoder(feeds);
    for (let layer = 0; layer < layers; layer++) {
      this.store(
        layer,
        outputs[`new_key_${layer}`]!.data as Float32Array,
        outputs[`new_value_${layer}`]!.data as Float32Array,
        inputs,
        cached,
        length,
      );
    }
    const router = outputs.decoder_router_probs!;
    return {
      batch,
      length,
      tokens: outputs.next_tokens!.data as BigInt64Array,
      probabilities: outputs.next_token_probs!.data as Float32Array,
      layers: router.dims[0]!,
      experts: router.dims[3]!,
      routerProbs: router.data as Float32Array,
    };
  }

  compact(keep: readonly number[]): void {
    const { heads, headWidth } = this.model;
    const selfRow = heads * headWidth * this.capacity;
    const crossRow = heads * headWidth * this.sourceCapacity;
    const gather = (array: Float32Array, rowSize: number): Float32Array => {
      const kept = new Float32Array(keep.length * rowSize);
      keep.forEach((slot, index) =>
        kept.set(array.subarray(slot * rowSize, (slot + 1) * rowSize), index * rowSize),
      );
      return kept;
    };
    this.selfKeys = this.selfKeys.map((array) => gather(array, selfRow));
    this.selfValues = this.selfValues.map((array) => gather(array, selfRow));
    this.crossKeys = this.crossKeys.map((array) => gather(array, crossRow));
    this.crossValues = this.crossValues.map((array) => gather(array, crossRow));
    const mask = new BigInt64Array(keep.length * this.sourceCapacity);
    keep.forEach((slot, index) =>
      mask.set(
        this.sourceMask.subarray(slot * this.sourceCapacity, (slot + 1) * this.sourceCapacity),
        index * this.sourceCapacity,
      ),
    );
    this.sourceMask = mask;
    this.slots = keep.length;
  }

  /** Writes the new positions' keys and values of each fed slot at its cached length onwards. */
  private store(
    layer: number,
    newKeys: Float32Array,
    newValues: Float32Array,
    inputs: readonly (readonly number[] | undefined)[],
    cached: readonly number[],
    length: number,
  ): void {
    const { heads, headWidth } = this.model;
    const capacity = this.capacity;
    const keys = this.selfKeys[layer]!;
    const values = this.selfValues[layer]!;
    for (let slot = 0; slot < this.slots; slot++) {
      const fed = inputs[slot]?.length ?? 0;
      if (fed === 0) continue;
      const start = cached[slot]!;
      for (let h = 0; h < heads; h++) {
        const source = (slot * heads + h) * length * headWidth;
        values.set(
          newValues.subarray(source, source + fed * headWidth),
          ((slot * heads + h) * capacity + start) * headWidth,
        );
        for (let d = 0; d < headWidth; d++) {
          const target = ((slot * heads + h) * headWidth + d) * capacity + start;
          for (let t = 0; t < fed; t++) keys[target + t] = newKeys[source + t * headWidth + d]!;
        }
      }
    }
  }

  private allocate(): void {
    const { heads, headWidth, layers } = this.model;
    const selfSize = this.slots * heads * headWidth * this.capacity;
    const crossSize = this.slots * heads * headWidth * this.sourceCapacity;
    this.selfKeys = Array.from({ length: layers }, () => new Float32Array(selfSize));
    this.selfValues = Array.from({ length: layers }, () => new Float32Array(selfSize));
    this.crossKeys = Array.from({ length: layers }, () => new Float32Array(crossSize));
    this.crossValues = Array.from({ length: layers }, () => new Float32Array(crossSize));
    this.sourceMask = new BigInt64Array(this.slots * this.sourceCapacity);
  }

  /** Re-lays the cross keys, values and mask out for longer sources (rarely: sources come sorted). */
  private growSource(width: number): void {
    const { heads, headWidth } = this.model;
    const old = this.sourceCapacity;
    const lines = this.slots * heads * headWidth;
    const widen = (array: Float32Array, transposed: boolean): Float32Array => {
      const wider = new Float32Array(lines * width);
      if (transposed) {
        // [.., D/H, S]: each line of S grows.
        for (let line = 0; line < lines; line++)
          wider.set(array.subarray(line * old, (line + 1) * old), line * width);
      } else {
        // [.., S, D/H]: each slot-head block of S x D/H grows.
        for (let block = 0; block < this.slots * heads; block++) {
          wider.set(
            array.subarray(block * old * headWidth, (block + 1) * old * headWidth),
            block * width * headWidth,
          );
        }
      }
      return wider;
    };
    this.crossKeys = this.crossKeys.map((array) => widen(array, true));
    this.crossValues = this.crossValues.map((array) => widen(array, false));
    const mask = new BigInt64Array(this.slots * width);
    for (let slot = 0; slot < this.slots; slot++)
      mask.set(this.sourceMask.subarray(slot * old, (slot + 1) * old), slot * width);
    this.sourceMask = mask;
    this.sourceCapacity = width;
  }
}
