/**
 * The hash that ties a batch's jobs to the model that must run them: the bytes of every file that
 * decides the output (config, tokenizer, both ONNX graphs, the OCR lexicon the engine would load) and
 * NeKo's own version (the passes after the model are code). The batch computes it from its --model
 * without loading the model; a worker from the engine it loaded. Equal hashes, equal outputs.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { ocrLexiconDirectory } from '../corrector/engine.js';
import { defaultModelDirectory, loadModelDirectory } from '../corrector/runtime/config.js';

export interface ModelIdentity {
  /** The model's name in config.json. */
  name: string;
  directory: string;
  ocrLexicon: string | null;
  /** Hex SHA-256 (first 16 characters are used in queue names). */
  hash: string;
}

/**
 * Hashes the model directory (default: the shipped model) as the engine would load it; throws
 * CorrectorUnavailable naming the file when the directory is not a usable model.
 */
export async function identifyModel(modelDirectory?: string): Promise<ModelIdentity> {
  const directory = loadModelDirectory(resolve(modelDirectory ?? defaultModelDirectory()));
  const lexicon = ocrLexiconDirectory(undefined, directory.directory);
  return identifyLoadedModel(directory.directory, lexicon, directory.config.name);
}

/** The same hash from what a loaded engine reports (EngineInfo). */
export async function identifyLoadedModel(
  modelDirectory: string,
  ocrLexicon: string | null,
  name?: string,
): Promise<ModelIdentity> {
  const directory = loadModelDirectory(modelDirectory);
  const hash = createHash('sha256');
  hash.update(`neko ${await nekoVersion()}\n`);
  const modelFiles = [
    join(directory.directory, 'config.json'),
    directory.tokenizerPath,
    directory.encoderPath,
    directory.decoderPath,
  ];
  for (const file of modelFiles) await hashFile(hash, `model/${basename(file)}`, file);
  if (ocrLexicon !== null) {
    for (const file of await filesUnder(ocrLexicon)) {
      await hashFile(hash, `ocr-lexicon/${relative(ocrLexicon, file)}`, file);
    }
  }
  return {
    name: name ?? directory.config.name,
    directory: directory.directory,
    ocrLexicon,
    hash: hash.digest('hex'),
  };
}

/** Name and length first, so that moving bytes from one file to the next changes the hash. */
async function hashFile(
  hash: ReturnType<typeof createHash>,
  name: string,
  path: string,
): Promise<void> {
  const bytes = await readFile(path);
  hash.update(`${name}\n${bytes.length}\n`);
  hash.update(bytes);
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

let version: Promise<string> | undefined;

/** package.json's version, from the nearest folder above this module that has one. */
function nekoVersion(): Promise<string> {
  version ??= (async () => {
    let folder = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) {
      folder = dirname(folder);
    }
    const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return manifest.version ?? '0';
  })();
  return version;
}
