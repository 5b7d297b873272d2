/**
 * Bytes in and out: decoding a file's text with clear errors for what is not text, reading a
 * document with a size limit, and atomic writes.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { NekoDocument } from '../document/types.js';
import { parseDocument } from './registry.js';
import { FormatError, type Format } from './types.js';

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** How much of the start of a file is looked at to tell binary from text. */
const SNIFF_BYTES = 8192;

export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes.length === 0) throw new FormatError(fileName, 'empty file', { byte: 0 });
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return decodeUtf16(bytes.subarray(2), 'utf-16le', fileName);
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return decodeUtf16(bytes.subarray(2), 'utf-16be', fileName);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const binaryAt = binaryByteOffset(body);
  if (binaryAt !== undefined) {
    throw new FormatError(fileName, 'binary file, not a text format', {
      byte: binaryAt + (hasBom ? 3 : 0),
    });
  }
  const text = new TextDecoder('utf-8').decode(body);
  const invalid = firstInvalidUtf8(body, text);
  if (invalid !== undefined) {
    const offset = invalid.byte + (hasBom ? 3 : 0);
    throw new FormatError(
      fileName,
      `not valid UTF-8 at byte ${offset} (line ${invalid.line}); save the file as UTF-8 ` +
        '(it may be Latin-1 or Windows-1252)',
      { line: invalid.line },
    );
  }
  if (!text.trim()) throw new FormatError(fileName, 'empty file (only white space)', { byte: 0 });
  return text;
}

function decodeUtf16(
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
  fileName: string,
): string {
  if (bytes.length % 2 !== 0) {
    throw new FormatError(
      fileName,
      `truncated ${encoding.toUpperCase()} text (odd number of bytes)`,
      {
        byte: bytes.length + 1,
      },
    );
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (!text.trim()) {
      throw new FormatError(fileName, 'empty file (only white space)', { byte: 0 });
    }
    return text;
  } catch (error) {
    if (error instanceof FormatError) throw error;
    const unpaired = unpairedSurrogate(bytes, encoding === 'utf-16le');
    throw new FormatError(
      fileName,
      `not valid ${encoding.toUpperCase()} text (unpaired surrogate at byte ${unpaired.byte})`,
      { line: unpaired.line },
    );
  }
}

/** Where the first unpaired surrogate is: its byte offset in the file (after the BOM) and line. */
function unpairedSurrogate(
  bytes: Uint8Array,
  littleEndian: boolean,
): { byte: number; line: number } {
  const unit = (index: number) =>
    littleEndian
      ? (bytes[index * 2] as number) | ((bytes[index * 2 + 1] as number) << 8)
      : ((bytes[index * 2] as number) << 8) | (bytes[index * 2 + 1] as number);
  const units = bytes.length / 2;
  let line = 1;
  for (let index = 0; index < units; index++) {
    const code = unit(index);
    if (code === 10) line++;
    const high = code >= 0xd800 && code <= 0xdbff;
    const low = code >= 0xdc00 && code <= 0xdfff;
    if (high && index + 1 < units) {
      const next = unit(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
    }
    if (high || low) return { byte: 2 + index * 2, line };
  }
  return { byte: 2 + bytes.length, line };
}

/** A NUL, or other C0 controls that text formats never hold, in the first bytes. */
function binaryByteOffset(bytes: Uint8Array): number | undefined {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let index = 0; index < end; index++) {
    const byte = bytes[index] as number;
    if (byte === 0) return index;
    const allowed = byte === 9 || byte === 10 || byte === 12 || byte === 13 || byte === 27;
    if (byte < 32 && !allowed && ++controls > 8) return index;
  }
  // NULs further in still make a file binary; checking them costs one pass with a native search.
  const nul = bytes.indexOf(0, end);
  return nul >= 0 ? nul : undefined;
}

/**
 * The first byte that is not valid UTF-8. The lenient decoder has put U+FFFD there; a U+FFFD the file
 * itself holds is encoded EF BF BD and is skipped.
 */
function firstInvalidUtf8(
  bytes: Uint8Array,
  decoded: string,
): { byte: number; line: number } | undefined {
  // Bytes and lines are counted on from the previous U+FFFD, not from the start: a file full of
  // genuine U+FFFD would otherwise take time quadratic in its size.
  let from = 0;
  let byte = 0;
  let line = 1;
  for (;;) {
    const index = decoded.indexOf('\ufffd', from);
    if (index < 0) return undefined;
    const between = decoded.slice(from, index);
    byte += Buffer.byteLength(between, 'utf8');
    for (let at = between.indexOf('\n'); at >= 0; at = between.indexOf('\n', at + 1)) line++;
    const genuine = bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd;
    if (!genuine) return { byte, line };
    byte += 3;
    from = index + 1;
  }
}

export async function readDocumentFile(
  path: string,
  options: { maxBytes?: number } = {},
): Promise<{ document: NekoDocument; format: Format }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const file = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new FormatError(
      path,
      `cannot open: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
    );
  });
  try {
    const info = await file.stat();
    if (!info.isFile()) throw new FormatError(path, 'not a regular file');
    if (info.size > maxBytes) {
      throw new FormatError(
        path,
        `file too large: ${megabytes(info.size)}, the limit is ${megabytes(maxBytes)}`,
        { byte: maxBytes },
      );
    }
    // The file may grow after stat: read one byte past the limit to notice.
    const buffer = new Uint8Array(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      const detail = `file too large: over the limit of ${megabytes(maxBytes)}`;
      throw new FormatError(path, detail, { byte: maxBytes });
    }
    const parsed = parseDocument(decodeText(buffer.subarray(0, length), path), path);
    // A project already records the file it was imported from; anything else came from here.
    if (parsed.format.id !== 'neko') {
      parsed.document.source = { ...parsed.document.source, path };
    }
    return parsed;
  } finally {
    await file.close();
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Writes to a temporary file in the same directory (so the rename stays on one file system), flushes
 * it to disk, then renames it over `path`: readers see the old file or the new one, never a part.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const existingMode = await stat(path).then(
    (info) => info.mode & 0o7777,
    () => undefined,
  );
  let file: Awaited<ReturnType<typeof open>> | undefined;
  try {
    file = await open(temporary, 'wx', existingMode ?? 0o644);
    await file.writeFile(content);
    await file.sync();
    await file.close();
    file = undefined;
    await rename(temporary, path);
  } catch (error) {
    await file?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** Makes the rename itself durable; not every platform lets a directory be opened for this. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}
