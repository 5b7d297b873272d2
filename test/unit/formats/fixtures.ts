import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NekoDocument } from '../../../src/document/types.js';
import { decodeText } from '../../../src/formats/io.js';
import { formatById, parseDocument } from '../../../src/formats/registry.js';
import { FormatError, type FormatId } from '../../../src/formats/types.js';

export const fixtureDirectory = fileURLToPath(new URL('../../fixtures/formats/', import.meta.url));
export const samplesDirectory = fileURLToPath(new URL('../../../assets/samples/', import.meta.url));

export function fixturePath(name: string): string {
  return `${fixtureDirectory}${name}`;
}

export function readFixture(name: string): string {
  return decodeText(readFileSync(fixturePath(name)), name);
}

export function parseFixture(name: string, formatId?: FormatId): NekoDocument {
  return parseDocument(readFixture(name), name, formatId).document;
}

/** Serializes with `formatId` and parses the output again with the same format. */
export function roundTrip(
  document: NekoDocument,
  formatId: FormatId,
  fileName = 'round-trip',
): NekoDocument {
  const format = formatById(formatId);
  return format.parse(format.serialize(document), { fileName });
}

/** A deep copy, so that edits in a test do not leak into the document they are compared with. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The error a call throws, asserting that it is a FormatError. */
export function formatErrorOf(call: () => unknown): FormatError {
  try {
    call();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw new Error(`expected a FormatError, got ${String(error)}`);
  }
  throw new Error('expected a FormatError, but nothing was thrown');
}

/** The parts of segments that every round trip must keep. */
export function essentials(document: NekoDocument) {
  return document.segments.map(({ text, start, end, speaker }) => ({ text, start, end, speaker }));
}
