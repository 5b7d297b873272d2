/**
 * Raised whenever correction cannot run: no model directory, a broken file in it, or a device that
 * cannot start. The app catches it and keeps editing documents, showing `reason` to the user.
 */
export class CorrectorUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`correction unavailable: ${reason}`);
    this.name = 'CorrectorUnavailable';
  }
}

/** Raised inside a job that the caller cancelled; never shown as an error. */
export class CorrectionCancelled extends Error {
  constructor() {
    super('correction cancelled');
    this.name = 'CorrectionCancelled';
  }
}
