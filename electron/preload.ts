import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { MenuCommand, NekoApi } from '../src/api/types.js';
import type { CorrectorEvent } from '../src/corrector/contract.js';
import {
  CORRECTOR_EVENT_CHANNEL,
  INVOKE_PREFIX,
  MENU_CHANNEL,
  mediaUrl,
  type IpcReply,
} from './ipc.js';

/** Exposes exactly the NekoApi as `window.neko`; the page gets no other handle on Electron or Node. */

async function invoke<T>(operation: keyof NekoApi, ...args: unknown[]): Promise<T> {
  const reply = (await ipcRenderer.invoke(INVOKE_PREFIX + operation, ...args)) as IpcReply<T>;
  if ('error' in reply) throw new Error(reply.error);
  return reply.result;
}

function subscribe<T>(channel: string, listener: (value: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, forward);
  return () => ipcRenderer.off(channel, forward);
}

const api: NekoApi = {
  transport: 'electron',
  listFormats: () => invoke('listFormats'),
  importFile: (file) => invoke('importFile', file),
  openSample: (sampleId) => invoke('openSample', sampleId),
  attachMedia: (documentId, file) => invoke('attachMedia', documentId, file),
  openWithDialog: () => invoke('openWithDialog'),
  exportDocument: (document, format) => invoke('exportDocument', document, format),
  saveWithDialog: (document, format) => invoke('saveWithDialog', document, format),
  mediaUrl,
  correctorStatus: () => invoke('correctorStatus'),
  correct: (request) => invoke('correct', request),
  cancel: (jobId) => invoke('cancel', jobId),
  saveRecovery: (update) => invoke('saveRecovery', update),
  listRecoveries: () => invoke('listRecoveries'),
  loadRecovery: (sessionId) => invoke('loadRecovery', sessionId),
  discardRecovery: (sessionId) => invoke('discardRecovery', sessionId),
  onCorrectorEvent: (listener) => subscribe<CorrectorEvent>(CORRECTOR_EVENT_CHANNEL, listener),
  onMenuCommand: (listener) => subscribe<MenuCommand>(MENU_CHANNEL, listener),
};

contextBridge.exposeInMainWorld('neko', api);
