/** Names shared by the main process and the preload script; both sides import them from here. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'neko';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

export const INVOKE_PREFIX = 'neko:';
export const CORRECTOR_EVENT_CHANNEL = 'neko:corrector-event';
export const MENU_CHANNEL = 'neko:menu';

/** What an IPC handler sends back: errors travel as their one-line message, never as a stack. */
export type IpcReply<T> = { result: T } | { error: string };

export function mediaUrl(documentId: string, reference: string): string {
  const name = reference.split(/[\\/]/).pop() ?? reference;
  return `${APP_URL}media/${encodeURIComponent(documentId)}/${encodeURIComponent(name)}`;
}
