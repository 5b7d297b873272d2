import type { ImportResult } from '../../src/api/types.js';
import type { NekoDocument } from '../../src/document/types.js';
import type { FormatId } from '../../src/formats/types.js';

/**
 * The autosaved state offered back after a crash or reload: the document with every decision and
 * edit, and what is needed to reopen it as it was. Undo history is not kept: the recovered document
 * is the starting point of a new session.
 */
export interface RecoveryRecord {
  kind: 'neko-studio-recovery';
  version: 1;
  /** ISO time of the autosave. */
  savedAt: string;
  documentId: string;
  format: FormatId;
  document: NekoDocument;
}

export function serializeRecovery(result: ImportResult, savedAt: Date): string {
  const record: RecoveryRecord = {
    kind: 'neko-studio-recovery',
    version: 1,
    savedAt: savedAt.toISOString(),
    documentId: result.documentId,
    format: result.format,
    document: result.document,
  };
  return JSON.stringify(record);
}

export class RecoveryError extends Error {
  override name = 'RecoveryError';
}

/** Reads an autosave back, refusing anything that would not open as a document. */
export function parseRecovery(text: string): RecoveryRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RecoveryError(`autosave is not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(value) || value.kind !== 'neko-studio-recovery') {
    throw new RecoveryError('autosave is not a NeKo Studio recovery record');
  }
  if (value.version !== 1)
    throw new RecoveryError(`autosave version ${String(value.version)} is not supported`);
  if (typeof value.savedAt !== 'string' || Number.isNaN(Date.parse(value.savedAt))) {
    throw new RecoveryError('autosave has no valid time');
  }
  if (typeof value.documentId !== 'string' || typeof value.format !== 'string') {
    throw new RecoveryError('autosave does not say where its document came from');
  }
  const document = value.document;
  if (!isObject(document) || document.version !== 1 || !Array.isArray(document.segments)) {
    throw new RecoveryError('autosave holds no document');
  }
  document.segments.forEach((segment: unknown, position: number) => {
    if (
      !isObject(segment) ||
      typeof segment.id !== 'string' ||
      typeof segment.source !== 'string' ||
      typeof segment.text !== 'string'
    ) {
      throw new RecoveryError(`autosave segment ${position + 1} lacks its id, source or text`);
    }
  });
  return value as unknown as RecoveryRecord;
}

export function recoveryToImportResult(record: RecoveryRecord): ImportResult {
  return { documentId: record.documentId, format: record.format, document: record.document };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
