// A stand-in for the `electron` module, for electron.test.ts only: the Electron binary cannot run
// on the machines this is built on. It implements just the API surface main/app/electron.ts uses,
// records what the app does with it, then drives the app the way Electron would (load the page,
// serve app:// requests, deliver IPC calls from the window and from a stranger, open links,
// navigate, quit) and prints one line "HARNESS <json>" with what it saw.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';

const seen = {
  privilegedSchemes: [],
  windows: [],
  errors: [],
  opened: [],
  menu: null,
  permissionHandlers: [],
  headerFilter: null,
  quitSteps: [],
  openDialogs: [],
  utilityForks: [],
};
/** What the next showOpenDialog answers, as if the user had chosen these files (or cancelled). */
let nextOpenDialog = { canceled: true, filePaths: [] };
const ipcHandlers = new Map();
const protocolHandlers = new Map();
process.versions.electron = JSON.parse(
  fs.readFileSync(new URL('../../../node_modules/electron/package.json', import.meta.url), 'utf8'),
).version;

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  constructor() {
    super();
    this.id = FakeWebContents.nextId++;
    this.url = '';
    this.mainFrame = { url: '', parent: null };
    this.sent = [];
    this.openHandler = undefined;
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return false;
  }
  send(...args) {
    this.sent.push(args);
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
  closeDevTools() {}
  /** Fires an Electron-style cancellable event; returns whether a listener prevented it. */
  fire(name, fields, ...rest) {
    let prevented = false;
    this.emit(name, { ...fields, preventDefault: () => (prevented = true) }, ...rest);
    return prevented;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  paths = { userData: '/nonexistent/electron-default-user-data', home: '/home/op' };
  ready = false;
  getPath(name) {
    return this.paths[name];
  }
  setPath(name, value) {
    this.paths[name] = value;
  }
  requestSingleInstanceLock() {
    return true;
  }
  async whenReady() {
    this.ready = true;
  }
  isReady() {
    return this.ready;
  }
  quit() {
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    seen.quitSteps.push(prevented ? 'will-quit deferred' : 'quit');
    if (!prevented) finish();
  }
  exit(code) {
    process.exit(code);
  }
}
export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    this.destroyed = false;
    this.shown = false;
    seen.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url) {
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
    setImmediate(() => {
      this.emit('ready-to-show');
      if (seen.windows.length === 1) void scenarios[scenario](this).catch(fail);
    });
  }
  show() {
    this.shown = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
}

export const protocol = {
  registerSchemesAsPrivileged: (schemes) => {
    if (app.ready) throw new Error('registerSchemesAsPrivileged after ready');
    seen.privilegedSchemes.push(...schemes);
  },
  handle: (scheme, handler) => protocolHandlers.set(scheme, handler),
};

export const ipcMain = {
  handle: (channel, handler) => ipcHandlers.set(channel, handler),
  removeHandler: (channel) => ipcHandlers.delete(channel),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: (h) => seen.permissionHandlers.push(['request', h]),
    setPermissionCheckHandler: (h) => seen.permissionHandlers.push(['check', h]),
    setDevicePermissionHandler: (h) => seen.permissionHandlers.push(['device', h]),
    webRequest: { onHeadersReceived: (filter) => (seen.headerFilter = filter) },
  },
};

export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: (menu) => (seen.menu = menu),
};

export const dialog = {
  showErrorBox: (title, message) => seen.errors.push(`${title}: ${message}`),
  showMessageBox: async () => ({ response: 0 }),
  showOpenDialog: async (options) => {
    seen.openDialogs.push(options);
    return nextOpenDialog;
  },
};

/**
 * utilityProcess.fork as Electron offers it (stdin ignored; stdout/stderr piped with 'pipe';
 * `exit` with a code; kill() without a signal), made of a real Node child process so the
 * script really runs. Like Electron, it refuses to fork before the app is ready.
 */
export const utilityProcess = {
  fork(modulePath, args = [], options = {}) {
    if (!app.ready) throw new Error('utilityProcess.fork before ready');
    if (options.stdio !== 'pipe')
      throw new Error(`harness: only stdio 'pipe' is modelled, got ${options.stdio}`);
    const child = fork(modulePath, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    seen.utilityForks.push({
      modulePath,
      args,
      serviceName: options.serviceName,
      runAsNode: options.env?.ELECTRON_RUN_AS_NODE ?? null,
      pid: child.pid,
    });
    const proc = new EventEmitter();
    proc.pid = child.pid;
    proc.stdout = child.stdout;
    proc.stderr = child.stderr;
    proc.kill = () => child.kill('SIGTERM');
    child.once('spawn', () => proc.emit('spawn'));
    child.once('exit', (code, signal) => {
      proc.pid = undefined;
      proc.emit('exit', code ?? (signal ? 128 : 0));
    });
    return proc;
  },
};

export const nativeTheme = { shouldUseDarkColors: false };
export const shell = { openExternal: async (url) => void seen.opened.push(url) };

// Like Linux without a keyring: safeStorage only obfuscates, so the key file is kept.
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: (s) => Buffer.from(s, 'utf8'),
  decryptString: (b) => b.toString('utf8'),
};
export default {
  app,
  BrowserWindow,
  protocol,
  ipcMain,
  session,
  Menu,
  dialog,
  nativeTheme,
  shell,
  safeStorage,
  utilityProcess,
};

let report = {};
const scenario = process.env.HARNESS_SCENARIO ?? 'window';

/** What Electron would do once the window shows: requests, IPC, links, navigation, quit. */
async function drive(win) {
  const wc = win.webContents;
  report.windowOptions = win.options;
  report.loadedUrl = wc.getURL();
  report.shown = win.shown;

  const handler = protocolHandlers.get('app');
  const page = await handler(new Request('app://flotilla/index.html'));
  report.page = {
    status: page.status,
    csp: page.headers.get('content-security-policy'),
    body: await page.text(),
  };
  report.escape = (await handler(new Request('app://flotilla/%2e%2e/%2e%2e/package.json'))).status;

  const call = ipcHandlers.get('flotilla:call');
  report.callFromWindow = await call({ sender: wc, senderFrame: wc.mainFrame }, 'app.info', {});
  const stranger = new FakeWebContents();
  stranger.mainFrame.url = 'app://flotilla/index.html';
  report.callFromStranger = await call({ sender: stranger, senderFrame: stranger.mainFrame }, 'app.info', {});
  report.badInput = await call({ sender: wc, senderFrame: wc.mainFrame }, 'settings.update', {
    theme: 'purple',
  });
  await call({ sender: wc, senderFrame: wc.mainFrame }, 'settings.update', { theme: 'dark' });
  report.eventsSent = [...wc.sent];

  report.openDecisions = [
    'https://kubernetes.io/docs/',
    'javascript:alert(1)',
    'https://user@github.com/',
  ].map((url) => [url, wc.openHandler({ url }).action]);
  report.navigationPrevented = {
    evil: wc.fire('will-navigate', { url: 'https://evil.example/' }, 'https://evil.example/'),
    app: wc.fire('will-navigate', { url: 'app://flotilla/index.html' }, 'app://flotilla/index.html'),
  };
  report.webviewPrevented = wc.fire('will-attach-webview', {});
  report.menu = seen.menu.map((m) => m.label ?? m.role);

  // File ▸ Open Kubeconfig…: cancelled first, then two files chosen.
  const openKubeconfig = seen.menu
    .flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
    .find((item) => item.id === 'open-kubeconfig');
  report.openKubeconfigItem = { label: openKubeconfig.label, enabled: openKubeconfig.enabled };
  const sentBefore = wc.sent.length;
  openKubeconfig.click();
  await settle();
  report.sentAfterCancel = wc.sent.slice(sentBefore);
  nextOpenDialog = { canceled: false, filePaths: ['/home/op/.kube/config', '/home/op/Downloads/prod.yaml'] };
  openKubeconfig.click();
  await settle();
  report.sentAfterOpen = wc.sent.slice(sentBefore);
  report.openDialogs = seen.openDialogs;
  report.privilegedSchemes = seen.privilegedSchemes;
  report.permissionHandlers = seen.permissionHandlers.map(([kind]) => kind);
  report.headerFilter = seen.headerFilter;
  report.userData = app.getPath('userData');
  report.sessionData = app.getPath('sessionData');
  app.quit();
}

/** The demo fleet as the Clusters page's "Start demo fleet" button starts it, then quit. */
async function driveDemo(win) {
  const wc = win.webContents;
  const ipc = (name, input) =>
    ipcHandlers.get('flotilla:call')({ sender: wc, senderFrame: wc.mainFrame }, name, input);
  report.demo = await ipc('demo.start', {});
  report.clusters = await ipc('clusters.list', {});
  report.utilityForks = seen.utilityForks;
  app.quit();
}

const scenarios = { window: drive, demo: driveDemo };

/** Lets the promise chains a click started run to their end (the stand-in dialog answers at once). */
function settle() {
  return new Promise((resolve) => setImmediate(resolve));
}

function finish() {
  report.opened = seen.opened;
  report.errors = seen.errors;
  report.quitSteps = seen.quitSteps;
  process.stdout.write(`HARNESS ${JSON.stringify(report)}\n`);
  process.exit(0);
}

function fail(error) {
  process.stdout.write(`HARNESS ${JSON.stringify({ harnessError: String(error?.stack ?? error) })}\n`);
  process.exit(3);
}

process.on('exit', (code) => {
  if (code !== 0 && seen.errors.length) process.stderr.write(`dialog: ${seen.errors.join(' | ')}\n`);
});
