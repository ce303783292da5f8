// A stand-in for the `electron` module, for electron.test.ts only: the Electron binary cannot run
// on the machines this is built on. It implements just the API surface main/app/electron.ts uses,
// records what the app does with it, then drives the app the way Electron would (load the page,
// serve app:// requests, deliver IPC calls from the window and from a stranger, open links,
// navigate, quit) and prints one line "HARNESS <json>" with what it saw.
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
};
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
  paths = { userData: '/nonexistent/electron-default-user-data' };
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
      if (seen.windows.length === 1) void drive(this).catch(fail);
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
};

let report = {};

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
  report.eventsSent = wc.sent;

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
  report.privilegedSchemes = seen.privilegedSchemes;
  report.permissionHandlers = seen.permissionHandlers.map(([kind]) => kind);
  report.headerFilter = seen.headerFilter;
  report.userData = app.getPath('userData');
  report.sessionData = app.getPath('sessionData');
  app.quit();
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
