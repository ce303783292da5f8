/**
 * The desktop shell's entry (dist/main/electron.mjs). It only wires things together: the
 * decisions live in window.ts (window options, navigation, permissions, CSP), app-origin.ts and
 * app-protocol.ts (the app:// origin), external-links.ts, menu.ts and ipc/electron-transport.ts,
 * which are unit-tested without the Electron binary. docs/security.md describes the model.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
  type WebContents,
} from 'electron';
import { bindElectronTransport } from '../ipc/electron-transport';
import { createLogger } from '../services/log';
import { APP_ENTRY_URL, APP_SCHEME } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { findElectronSqliteBinding } from './electron-native';
import { utilitySimLauncher } from './electron-sim';
import { parseAppArgs } from './args';
import { createAppCore } from './compose';
import { startDemoIfWanted } from './demo-decision';
import { runEntry } from './fatal';
import { createSafeStorageSealer } from './safe-storage-sealer';
import { menuTemplate } from './menu';
import { ensureWritableDir, resolveDataDir } from './paths';
import { APP_NAME, APP_VERSION } from './version';
import { hardenSession, hardenWebContents, windowOptions } from './window';

// Must happen before `ready`: app:// is a standard, secure origin that can use fetch.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

/** The bundle lives in dist/main; the preload and renderer beside it. */
function builtPaths() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const preloadPath = path.resolve(here, '../preload/index.cjs');
  const rendererDir = path.resolve(here, '../renderer');
  for (const file of [preloadPath, path.join(rendererDir, 'index.html')]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing; run npm run build`);
  }
  return { preloadPath, rendererDir, root: path.resolve(here, '../..') };
}

/**
 * From source, node_modules' better-sqlite3 is built for the system Node; Electron needs the
 * build made for its ABI by scripts/electron-native.mjs. Packaged apps were rebuilt by
 * electron-builder and use node_modules' own.
 */
function sqliteBindingFor(root: string): string | undefined {
  if (app.isPackaged) return undefined;
  const target = { electron: process.versions.electron, platform: process.platform, arch: process.arch };
  const binding = findElectronSqliteBinding(root, target);
  if (!binding) {
    throw new Error(
      `better-sqlite3 has no build for Electron ${target.electron}; run node scripts/electron-native.mjs (it needs the network once)`,
    );
  }
  return binding;
}

/** User arguments: after `electron .` from source, after the executable when packaged (minus macOS's -psn_). */
function userArgs(): string[] {
  return process.argv.slice(app.isPackaged ? 1 : 2).filter((arg) => !arg.startsWith('-psn_'));
}

async function startDesktop(): Promise<void> {
  const args = parseAppArgs(userArgs());
  const dataDir = resolveDataDir({ override: args.dataDir, electronUserData: app.getPath('userData') });
  ensureWritableDir(dataDir);
  // Chromium's own files (cache, local storage) go in a sub-folder of the data folder, and the
  // single-instance lock is per data folder, so two --data-dir instances can run side by side.
  app.setPath('userData', dataDir);
  app.setPath('sessionData', path.join(dataDir, 'chromium'));
  if (!app.requestSingleInstanceLock()) {
    process.stdout.write('Flotilla is already running with this data folder; switched to its window.\n');
    app.quit();
    return;
  }

  const log = createLogger({ dir: dataDir, verbose: args.verbose });
  const devTools = args.verbose || !app.isPackaged;
  if (args.web) log.warn('--web is handled by npm start; the desktop shell ignores it');
  const { preloadPath, rendererDir, root } = builtPaths();
  const sqliteBinding = sqliteBindingFor(root);

  await app.whenReady();
  // The OS keychain seals credentials where it really encrypts; the user-only key file otherwise.
  const sealer = createSafeStorageSealer(safeStorage);
  log.info(
    sealer
      ? 'credentials sealed by the OS keychain'
      : 'credentials sealed by the key file in the data folder',
  );
  const core = createAppCore({
    dataDir,
    shell: 'electron',
    log,
    sqliteBinding,
    sealer,
    // the demo fleet's simulator runs as a utility process: the packaged app cannot run as Node
    simLauncher: utilitySimLauncher((script, args, options) => utilityProcess.fork(script, args, options)),
  });
  void startDemoIfWanted(core, args.demo).then((line) => line && log.info(line));
  log.info(`desktop shell ${APP_VERSION}, data in ${dataDir}`);

  const openExternal = (url: string) => shell.openExternal(url);
  hardenSession(session.defaultSession, { log: log.child('security') });
  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { log: log.child('security'), devTools, openExternal }),
  );
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, log.child('app-protocol')));

  const windows = new Set<BrowserWindow>();
  const live = () => [...windows].filter((w) => !w.isDestroyed());
  const unbind = bindElectronTransport({
    ipcMain,
    router: core.router,
    events: core.events,
    isOurWebContents: (contents: WebContents) => live().some((w) => w.webContents === contents),
    targets: () => live().map((w) => w.webContents),
    log: log.child('ipc'),
  });

  const createWindow = () => {
    const win = new BrowserWindow(
      windowOptions({ preloadPath, devTools, dark: nativeTheme.shouldUseDarkColors }),
    );
    windows.add(win);
    win.on('closed', () => windows.delete(win));
    win.once('ready-to-show', () => win.show());
    // A page that fails to load still shows its window, so the user is not left with nothing.
    win.webContents.once('did-fail-load', () => win.show());
    win.loadURL(APP_ENTRY_URL).catch((error: unknown) => log.error(`Could not load ${APP_ENTRY_URL}`, error));
    return win;
  };
  const focusOrCreate = () => {
    const [win] = live();
    if (!win) return void createWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  };

  const about = () =>
    void dialog.showMessageBox({
      type: 'info',
      title: `About ${APP_NAME}`,
      message: `${APP_NAME} ${APP_VERSION}`,
      detail: `A desktop fleet manager for Kubernetes.\nElectron ${process.versions.electron}, Node ${process.versions.node}\nData: ${dataDir}`,
    });
  // File ▸ Open Snapshot…: the sources area opens it and tells the renderer (sources.changed)
  const openSnapshot = () =>
    void dialog
      .showOpenDialog({
        title: 'Open Snapshot',
        properties: ['openFile'],
        filters: [{ name: 'Flotilla snapshot', extensions: ['flotilla'] }],
      })
      .then(async ({ canceled, filePaths }) => {
        if (canceled || !filePaths[0]) return;
        const result = await core.router.dispatch('snapshots.open', { path: filePaths[0] });
        if (!result.ok) dialog.showErrorBox('Cannot open the snapshot', result.error.message);
      });
  // File ▸ Open Kubeconfig…: the renderer reads the chosen files as it reads dropped kubeconfigs.
  // With no window open (macOS), one opens first, so its page is up by the time files are chosen.
  const openKubeconfig = () => {
    focusOrCreate();
    void dialog
      .showOpenDialog({
        title: 'Open Kubeconfig',
        defaultPath: path.join(app.getPath('home'), '.kube'),
        // Kubeconfigs seldom have an extension (~/.kube/config): any file name is offered.
        filters: [{ name: 'Kubeconfig files', extensions: ['*'] }],
        properties: ['openFile', 'multiSelections', 'showHiddenFiles'],
      })
      .then(({ canceled, filePaths }) => {
        if (!canceled && filePaths.length > 0) core.events.emit('app.openKubeconfig', { paths: filePaths });
      })
      .catch((error: unknown) => log.error('Open Kubeconfig failed', error));
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        platform: process.platform,
        devTools,
        appName: APP_NAME,
        actions: { about, openKubeconfig, openSnapshot },
      }),
    ),
  );

  app.on('second-instance', focusOrCreate);
  app.on('activate', () => {
    if (live().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Graceful shutdown: stop IPC, close the services and the store, then let Electron quit.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    unbind();
    core
      .close()
      .catch((error: unknown) => log.error('Closing the store failed', error))
      .finally(() => {
        closed = true;
        log.info('desktop shell stopped');
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  createWindow();
}

void runEntry(async () => {
  try {
    await startDesktop();
  } catch (error) {
    // A desktop launch often has no terminal: show the same one line in a dialog too.
    dialog.showErrorBox('Flotilla cannot start', error instanceof Error ? error.message : String(error));
    throw error;
  }
});
