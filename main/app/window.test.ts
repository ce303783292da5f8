import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../services/log';
import {
  allowPermission,
  desktopCsp,
  hardenSession,
  hardenWebContents,
  windowOptions,
  withCsp,
} from './window';

/** A logger that keeps its lines, so tests can see what was refused. */
function recordingLog(lines: string[] = []): Logger & { lines: string[] } {
  const log = {
    lines,
    debug: (m: string) => lines.push(`debug ${m}`),
    info: (m: string) => lines.push(`info ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
    child: () => log,
  };
  return log;
}

/** The part of a WebContents the hardening touches: events, the window-open handler, devtools. */
class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  devToolsClosed = 0;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  closeDevTools() {
    this.devToolsClosed++;
  }
  /** Emits an Electron-style event; returns whether a listener prevented it. */
  fire(name: string, fields: Record<string, unknown> = {}, ...rest: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { ...fields, preventDefault: () => (prevented = true) }, ...rest);
    return prevented;
  }
}

function setup(devTools = false) {
  const contents = new FakeContents();
  const opened: string[] = [];
  const log = recordingLog();
  hardenWebContents(contents as unknown as WebContents, {
    log,
    devTools,
    openExternal: (url) => void opened.push(url),
  });
  return { contents, opened, log };
}

describe('windowOptions', () => {
  it('builds the one secure window configuration', () => {
    const options = windowOptions({ preloadPath: '/app/dist/preload/index.cjs', devTools: false });
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
    expect(options.show).toBe(false);
    expect(options.title).toBe('Flotilla');
  });

  it('enables devtools only when asked, and never loosens anything else', () => {
    const closed = windowOptions({ preloadPath: 'p', devTools: false });
    const open = windowOptions({ preloadPath: 'p', devTools: true });
    expect(open.webPreferences?.devTools).toBe(true);
    expect({ ...open.webPreferences, devTools: false }).toEqual(closed.webPreferences);
  });

  it('matches the background to the theme', () => {
    expect(windowOptions({ preloadPath: 'p', devTools: false, dark: true }).backgroundColor).not.toBe(
      windowOptions({ preloadPath: 'p', devTools: false, dark: false }).backgroundColor,
    );
  });
});

describe('desktopCsp', () => {
  const directives = new Map(
    desktopCsp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  it('denies by default and allows scripts only from the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
  it('never allows inline or evaluated script, or network connections', () => {
    expect(desktopCsp).not.toMatch(/unsafe-eval|wasm-unsafe-eval/);
    expect(directives.get('script-src')?.join(' ')).not.toMatch(/unsafe-inline|data:|blob:|https?:|\*/);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('hardenWebContents', () => {
  it.each([
    ['app://flotilla/index.html', false],
    ['app://flotilla/clusters', false],
    ['https://kubernetes.io/docs/', true],
    ['https://evil.example/', true],
    ['file:///etc/passwd', true],
    ['app://other/index.html', true],
    ['about:blank', true],
  ])('will-navigate to %s prevented: %s', (url, prevented) => {
    const { contents } = setup();
    expect(contents.fire('will-navigate', { url }, url)).toBe(prevented);
  });

  it('opens a blocked navigation in the system browser only when the link is allow-listed', () => {
    const { contents, opened, log } = setup();
    contents.fire('will-navigate', { url: 'https://kubernetes.io/docs/' }, 'https://kubernetes.io/docs/');
    contents.fire('will-navigate', { url: 'https://evil.example/' }, 'https://evil.example/');
    expect(opened).toEqual(['https://kubernetes.io/docs/']);
    expect(log.lines.some((l) => l.startsWith('warn Refused to open "https://evil.example/"'))).toBe(true);
  });

  it.each([
    ['app://flotilla/index.html', false],
    ['https://kubernetes.io/', true],
    ['data:text/html,hi', true],
  ])('will-redirect to %s prevented: %s', (url, prevented) => {
    const { contents, opened } = setup();
    expect(contents.fire('will-redirect', { url }, url)).toBe(prevented);
    expect(opened).toEqual([]);
  });

  it('blocks sub-frames navigating off the app but leaves main-frame decisions to will-navigate', () => {
    const { contents } = setup();
    expect(contents.fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(
      true,
    );
    expect(contents.fire('will-frame-navigate', { url: 'app://flotilla/x', isMainFrame: false })).toBe(false);
    expect(contents.fire('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: true })).toBe(
      false,
    );
  });

  it.each([
    ['https://github.com/org/repo', 'deny', ['https://github.com/org/repo']],
    ['https://user@github.com/', 'deny', []],
    ['javascript:alert(1)', 'deny', []],
    ['app://flotilla/index.html', 'deny', []],
    ['http://kubernetes.io/', 'deny', []],
  ])('window.open(%s) is denied; opened externally: %j', (url, action, expected) => {
    const { contents, opened } = setup();
    expect(contents.openHandler?.({ url })).toEqual({ action });
    expect(opened).toEqual(expected);
  });

  it('refuses <webview>', () => {
    const { contents } = setup();
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('closes devtools unless they are allowed', () => {
    const off = setup(false);
    off.contents.emit('devtools-opened');
    expect(off.contents.devToolsClosed).toBe(1);
    const on = setup(true);
    on.contents.emit('devtools-opened');
    expect(on.contents.devToolsClosed).toBe(0);
  });

  it('logs, rather than throws, when the system browser cannot be opened', async () => {
    const contents = new FakeContents();
    const log = recordingLog();
    hardenWebContents(contents as unknown as WebContents, {
      log,
      devTools: false,
      openExternal: () => Promise.reject(new Error('no browser')),
    });
    contents.openHandler?.({ url: 'https://helm.sh/' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log.lines).toContain('warn Could not open https://helm.sh/');
  });
});

describe('permissions', () => {
  it.each([
    ['clipboard-sanitized-write', 'app://flotilla/index.html', true],
    ['clipboard-sanitized-write', 'https://evil.example/', false],
    ['clipboard-sanitized-write', undefined, false],
    ['clipboard-read', 'app://flotilla/index.html', false],
    ['notifications', 'app://flotilla/index.html', false],
    ['media', 'app://flotilla/index.html', false],
    ['geolocation', 'app://flotilla/index.html', false],
    ['openExternal', 'app://flotilla/index.html', false],
    ['fileSystem', 'app://flotilla/index.html', false],
  ])('%s from %s → %s', (permission, url, expected) => {
    expect(allowPermission(permission, url)).toBe(expected);
  });

  it('installs request, check, device and header handlers on the session', () => {
    const installed: Record<string, unknown> = {};
    let filter: unknown;
    const session = {
      setPermissionRequestHandler: (h: unknown) => (installed.request = h),
      setPermissionCheckHandler: (h: unknown) => (installed.check = h),
      setDevicePermissionHandler: (h: unknown) => (installed.device = h),
      webRequest: {
        onHeadersReceived: (f: unknown, h: unknown) => {
          filter = f;
          installed.headers = h;
        },
      },
    };
    hardenSession(session as unknown as Session, { log: recordingLog() });
    const decisions: boolean[] = [];
    const request = installed.request as (...a: unknown[]) => void;
    const contents = { getURL: () => 'app://flotilla/index.html' };
    request(contents, 'media', (granted: boolean) => decisions.push(granted), {
      requestingUrl: 'app://flotilla/index.html',
    });
    request(contents, 'clipboard-sanitized-write', (granted: boolean) => decisions.push(granted), {});
    expect(decisions).toEqual([false, true]);
    const check = installed.check as (...a: unknown[]) => boolean;
    expect(check(null, 'clipboard-sanitized-write', 'app://flotilla', {})).toBe(true);
    expect(check(null, 'clipboard-read', 'app://flotilla', {})).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
    expect((installed.device as () => boolean)()).toBe(false);
    expect(filter).toEqual({ urls: ['app://*/*'] });
    let response: unknown;
    (installed.headers as (d: unknown, cb: (r: unknown) => void) => void)(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (r) => (response = r),
    );
    expect(response).toEqual({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [desktopCsp] },
    });
  });
});

describe('withCsp', () => {
  it('adds the policy when there were no headers', () => {
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [desktopCsp] });
  });
});
