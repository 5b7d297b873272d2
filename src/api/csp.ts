/**
 * The Content-Security-Policy of every page of the app, in Electron and in browser mode: only the
 * app's own scripts and styles, no inline script, no plugins, no framing, no form posts elsewhere.
 * Media and images may also come from blob: URLs the renderer makes for downloads and previews.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
