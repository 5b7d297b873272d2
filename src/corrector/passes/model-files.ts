/**
 * Reading the files of the lexical pass's model directory (ocr-lexicon.ts, word-trigram-model.ts):
 * any failure throws CorrectorUnavailable naming the file.
 */
import { readFile } from 'node:fs/promises';
import { gunzip } from 'node:zlib';
import { CorrectorUnavailable } from '../errors.js';

export async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CorrectorUnavailable(`${path} is missing`);
    throw new CorrectorUnavailable(`${path} cannot be read (${(error as Error).message})`);
  }
}

/** The text of a file's bytes, decompressed first for a .gz file. */
export async function decompressedText(bytes: Buffer, path: string): Promise<string> {
  if (path.endsWith('.gz')) {
    try {
      bytes = await new Promise<Buffer>((done, fail) =>
        gunzip(bytes, (error, result) => (error ? fail(error) : done(result))),
      );
    } catch (error) {
      throw new CorrectorUnavailable(
        `${path} is not a valid gzip file (${(error as Error).message})`,
      );
    }
  }
  try {
    // Fatal and BOM-keeping, as Python's utf-8 codec is.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CorrectorUnavailable(`${path} is not valid UTF-8`);
  }
}

/** A file's text; gzip files are decompressed. */
export async function readText(path: string): Promise<string> {
  return decompressedText(await readBytes(path), path);
}

/** The lines Python's text-mode iteration yields (universal newlines), without their newline. */
export function textLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
