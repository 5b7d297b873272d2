import type { ExportResult } from '../../src/api/types.js';

/** Browser mode's "save": hands the exported file to the browser as a download. */
export function downloadExport({ fileName, content, mimeType }: ExportResult): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time click() returns; the delay only guards slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
