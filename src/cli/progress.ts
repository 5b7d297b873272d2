/**
 * Progress notes on stderr. stdout carries only a command's result, so that it can be piped; the notes
 * appear when someone is watching (stderr is a terminal) or the file is big enough to take a while.
 */
import { DEFAULT_MAX_BYTES } from '../formats/io.js';

export const BIG_FILE_BYTES = 8 * 1024 * 1024;

export interface ProgressOptions {
  stream: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  /** Size of the file being worked on, when known. */
  bytes?: number;
  quiet?: boolean;
}

export class Progress {
  readonly enabled: boolean;
  private readonly started = performance.now();

  constructor(private readonly options: ProgressOptions) {
    const bytes = options.bytes ?? 0;
    const big = bytes >= BIG_FILE_BYTES;
    // A file over the read limit is refused at once; its one-line error needs no preamble.
    const refused = bytes > DEFAULT_MAX_BYTES;
    this.enabled = !options.quiet && !refused && (big || Boolean(options.stream.isTTY));
  }

  note(message: string): void {
    if (this.enabled) this.options.stream.write(`neko: ${message}\n`);
  }

  /** The closing note, with the time taken. */
  done(message: string): void {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    this.note(`${message} (${seconds} s)`);
  }
}

export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
