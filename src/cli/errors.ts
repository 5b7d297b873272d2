import { CorrectorUnavailable } from '../corrector/errors.js';
import { FormatError } from '../formats/types.js';

/** A problem with what the user asked for (arguments, paths); printed as one line, no stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
};

/**
 * The one-line message for an error the user can act on (bad input, bad arguments, a file system
 * refusal, a model file missing or broken), or undefined for an error that is a bug in NeKo itself.
 */
export function userErrorMessage(error: unknown): string | undefined {
  if (
    error instanceof FormatError ||
    error instanceof UserError ||
    error instanceof CorrectorUnavailable
  )
    return firstLine(error.message);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && code in SYSTEM_ERRORS) {
    const path = (error as NodeJS.ErrnoException).path;
    return path ? `${path}: ${SYSTEM_ERRORS[code]}` : SYSTEM_ERRORS[code];
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split(/\r?\n/u, 1)[0] ?? message;
}
