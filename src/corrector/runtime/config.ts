import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorrectorUnavailable } from '../errors.js';

/** config.json of a model directory, as training/README.md "Model directory contract" defines it. */
export interface ModelConfig {
  name: string;
  d_model: number;
  n_heads: number;
  n_encoder_layers: number;
  n_decoder_layers: number;
  d_ff: number;
  n_experts: number;
  top_k: number;
  /** Expert index → task name, e.g. ["asr", "ocr", "text", "general"]. */
  experts: string[];
  vocab_size: number;
  tokenizer: string;
  special_tokens: { pad: number; bos: number; eos: number; sep: number; unk?: number } & Record<
    string,
    number
  >;
  max_source_tokens: number;
  max_target_tokens: number;
  nbest_max: number;
  /** kv_cache: the decoder takes and returns key/value caches (training/README.md); required. */
  onnx: { opset: number; encoder: string; decoder: string; kv_cache: true };
}

/** A model directory whose files exist and whose config.json is consistent. */
export interface ModelDirectory {
  directory: string;
  config: ModelConfig;
  tokenizerPath: string;
  encoderPath: string;
  decoderPath: string;
}

export const DEFAULT_MODEL_NAME = 'neko-small';

/**
 * Where the shipped model lives: $NEKO_MODEL_DIR when set (the packaged app points it at its
 * resources), else assets/models/neko-small in the repository this file belongs to.
 */
export function defaultModelDirectory(): string {
  const fromEnvironment = process.env.NEKO_MODEL_DIR;
  if (fromEnvironment) return resolve(fromEnvironment);
  return join(repositoryRoot(), 'assets', 'models', DEFAULT_MODEL_NAME);
}

/**
 * The nearest folder at or above this module that holds package.json: the repository from sources,
 * the app (its asar) from a bundle in dist/, whatever the depth of the file that was bundled.
 */
export function repositoryRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return directory;
}

/** Reads and checks a model directory; every problem becomes a CorrectorUnavailable naming the file. */
export function loadModelDirectory(directory: string): ModelDirectory {
  const root = resolve(directory);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new CorrectorUnavailable(`no model directory at ${root}`);
  }
  const configPath = join(root, 'config.json');
  if (!existsSync(configPath)) throw new CorrectorUnavailable(`${configPath} is missing`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(configPath, 'utf8'));
  } catch (error) {
    throw new CorrectorUnavailable(`${configPath} is not valid JSON (${(error as Error).message})`);
  }
  const config = validateConfig(raw, configPath);
  const requiredFile = (name: string): string => {
    const path = join(root, name);
    if (!existsSync(path)) throw new CorrectorUnavailable(`${path} is missing`);
    if (statSync(path).size === 0) throw new CorrectorUnavailable(`${path} is empty`);
    return path;
  };
  return {
    directory: root,
    config,
    tokenizerPath: requiredFile(config.tokenizer),
    encoderPath: requiredFile(config.onnx.encoder),
    decoderPath: requiredFile(config.onnx.decoder),
  };
}

export function validateConfig(raw: unknown, configPath: string): ModelConfig {
  const fail = (detail: string): never => {
    throw new CorrectorUnavailable(`${configPath}: ${detail}`);
  };
  if (!isRecord(raw)) return fail('expected a JSON object');
  const positiveInteger = (record: Record<string, unknown>, key: string, where = ''): number => {
    const value = record[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      return fail(`"${where}${key}" must be a positive integer`);
    }
    return value;
  };
  const nonEmptyString = (record: Record<string, unknown>, key: string, where = ''): string => {
    const value = record[key];
    if (typeof value !== 'string' || value === '') return fail(`"${where}${key}" must be a string`);
    return value;
  };

  const nExperts = positiveInteger(raw, 'n_experts');
  const topK = positiveInteger(raw, 'top_k');
  if (topK > nExperts) fail(`"top_k" (${topK}) exceeds "n_experts" (${nExperts})`);
  const experts = raw.experts;
  if (!Array.isArray(experts) || !experts.every((task) => typeof task === 'string')) {
    return fail('"experts" must be a list of task names');
  }
  if (experts.length !== nExperts) {
    fail(`"experts" names ${experts.length} experts but "n_experts" is ${nExperts}`);
  }
  const vocabSize = positiveInteger(raw, 'vocab_size');

  const special = raw.special_tokens;
  if (!isRecord(special)) return fail('"special_tokens" must be an object of token ids');
  const specialTokens: Record<string, number> = {};
  for (const [key, id] of Object.entries(special)) {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= vocabSize) {
      fail(`"special_tokens.${key}" must be a token id below vocab_size (${vocabSize})`);
    }
    specialTokens[key] = id as number;
  }
  for (const key of ['pad', 'bos', 'eos', 'sep']) {
    if (!(key in specialTokens)) fail(`"special_tokens.${key}" is missing`);
  }

  const onnx = raw.onnx;
  if (!isRecord(onnx)) return fail('"onnx" must be an object');
  if (onnx.kv_cache !== true) {
    fail(
      'the model was exported without a key/value cache ("onnx.kv_cache"); export it again with ' +
        'python3 -m training.export (training/README.md)',
    );
  }

  return {
    name: nonEmptyString(raw, 'name'),
    d_model: positiveInteger(raw, 'd_model'),
    n_heads: positiveInteger(raw, 'n_heads'),
    n_encoder_layers: positiveInteger(raw, 'n_encoder_layers'),
    n_decoder_layers: positiveInteger(raw, 'n_decoder_layers'),
    d_ff: positiveInteger(raw, 'd_ff'),
    n_experts: nExperts,
    top_k: topK,
    experts: experts as string[],
    vocab_size: vocabSize,
    tokenizer: nonEmptyString(raw, 'tokenizer'),
    special_tokens: specialTokens as ModelConfig['special_tokens'],
    max_source_tokens: positiveInteger(raw, 'max_source_tokens'),
    max_target_tokens: positiveInteger(raw, 'max_target_tokens'),
    nbest_max: positiveInteger(raw, 'nbest_max'),
    onnx: {
      opset: positiveInteger(onnx, 'opset', 'onnx.'),
      encoder: nonEmptyString(onnx, 'encoder', 'onnx.'),
      decoder: nonEmptyString(onnx, 'decoder', 'onnx.'),
      kv_cache: true,
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
