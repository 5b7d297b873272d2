import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
} from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiCore } from '../src/api/core.js';
import { HostCorrectorClient } from '../src/corrector/host/client.js';
import { modelDirectory, spawnUtilityHost } from './corrector-host.js';
import { CONTENT_SECURITY_POLICY } from '../src/api/csp.js';
import type { MenuCommand, NekoApi } from '../src/api/types.js';
import type { NekoDocument } from '../src/document/types.js';
import type { FormatId } from '../src/formats/types.js';
import {
  APP_HOST,
  APP_SCHEME,
  APP_URL,
  CORRECTOR_EVENT_CHANNEL,
  INVOKE_PREFIX,
  MENU_CHANNEL,
  type IpcReply,
} from './ipc.js';

/**
 * The Electron shell: one window on the built renderer, served from the app:// scheme (so the page
 * gets a real origin and our CSP header), native menus and dialogs, and IPC handlers that call the
 * same ApiCore as browser mode. Kept thin on purpose: the logic lives in src/.
 */

// dist/electron/main.cjs → dist/renderer
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  },
]);

const core = new ApiCore({
  corrector: new HostCorrectorClient({
    modelDirectory: modelDirectory(),
    spawn: spawnUtilityHost,
  }),
});
let mainWindow: BrowserWindow | undefined;

function serveAppScheme(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const media = /^\/media\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    const file =
      url.host !== APP_HOST
        ? undefined
        : media
          ? core.mediaFile(decodeURIComponent(media[1]!), decodeURIComponent(media[2]!))
          : rendererFile(decodeURIComponent(url.pathname));
    if (!file) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString(), { headers: request.headers });
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function rendererFile(pathname: string): string | undefined {
  const file = path.resolve(RENDERER_DIR, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(RENDERER_DIR + path.sep) ? file : undefined;
}

type Handlers = { [K in keyof NekoApi]?: (...args: never[]) => unknown };

const handlers: Handlers = {
  listFormats: () => core.listFormats(),
  importFile: (file: Parameters<NekoApi['importFile']>[0]) => core.importFile(file),
  openSample: (sampleId: Parameters<NekoApi['openSample']>[0]) => core.openSample(sampleId),
  attachMedia: (documentId: string, file: Parameters<NekoApi['attachMedia']>[1]) =>
    core.attachMedia(documentId, file),
  openWithDialog: async () => {
    const extensions = [
      ...new Set(
        core
          .listFormats()
          .flatMap((format) => format.extensions.map((ext) => ext.split('.').pop()!)),
      ),
    ];
    const { canceled, filePaths } = await dialog.showOpenDialog(mainWindow!, {
      properties: ['openFile'],
      filters: [
        { name: 'Transcripts, scans and projects', extensions },
        { name: 'All files', extensions: ['*'] },
      ],
    });
    return canceled || !filePaths[0] ? null : core.importPath(filePaths[0]);
  },
  exportDocument: (document: NekoDocument, format: FormatId) =>
    core.exportDocument(document, format),
  saveWithDialog: async (document: NekoDocument, format: FormatId) => {
    const { fileName } = core.exportDocument(document, format);
    const directory = document.source?.path
      ? path.dirname(document.source.path)
      : app.getPath('documents');
    const { canceled, filePath } = await dialog.showSaveDialog(mainWindow!, {
      defaultPath: path.join(directory, fileName),
    });
    return canceled || !filePath ? null : core.saveToPath(document, format, filePath);
  },
  correctorStatus: () => core.correctorStatus(),
  correct: (request: Parameters<NekoApi['correct']>[0]) => core.correct(request),
  cancel: (jobId: string) => core.cancel(jobId),
  // Recovery files live in the core (src/api/recovery.ts), in the same data folder as browser mode's.
  saveRecovery: (update: Parameters<NekoApi['saveRecovery']>[0]) => core.saveRecovery(update),
  listRecoveries: () => core.listRecoveries(),
  loadRecovery: (sessionId: string) => core.loadRecovery(sessionId),
  discardRecovery: (sessionId: string) => core.discardRecovery(sessionId),
};

/** Only our own page may call the core: a navigated-away or injected frame gets nothing. */
function fromOurPage(event: IpcMainInvokeEvent): boolean {
  const url = new URL(event.senderFrame?.url ?? 'about:blank');
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

function registerIpc(): void {
  for (const [operation, handler] of Object.entries(handlers)) {
    ipcMain.handle(
      INVOKE_PREFIX + operation,
      async (event, ...args: unknown[]): Promise<IpcReply<unknown>> => {
        if (!fromOurPage(event))
          return { error: `${operation}: refused, the request did not come from NeKo Studio` };
        try {
          return { result: (await handler(...(args as never[]))) ?? null };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
      },
    );
  }
  core.onCorrectorEvent((event) => mainWindow?.webContents.send(CORRECTOR_EVENT_CHANNEL, event));
}

function buildMenu(): Menu {
  const send = (command: MenuCommand) => () => mainWindow?.webContents.send(MENU_CHANNEL, command);
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send('open') },
        { label: 'Save Project…', accelerator: 'CmdOrCtrl+S', click: send('save') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // The document's undo history lives in the renderer's store, not in Chromium's text fields.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'NeKo Studio',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = undefined));
  void mainWindow.loadURL(`${APP_URL}index.html`);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(APP_URL)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => void core.dispose());

app.on('activate', () => {
  if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createWindow();
});

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  serveAppScheme();
  registerIpc();
  Menu.setApplicationMenu(buildMenu());
  createWindow();
});
