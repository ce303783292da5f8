import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import type { Logger } from '../services/log';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from './app-origin';
import { decideExternalLink } from './external-links';

/**
 * The one window factory of the desktop shell, and the handlers that keep its web contents
 * inside the app. Pure: it builds option objects and installs listeners on what it is given,
 * so every decision is unit-tested without the Electron binary. docs/security.md describes it.
 */

/** The desktop renderer's Content-Security-Policy, sent with every app:// response. */
export const desktopCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "frame-src 'none'",
  "child-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface WindowFactoryInput {
  /** Absolute path of the bundled preload (dist/preload/index.cjs). */
  preloadPath: string;
  /** Developer tools: only with --verbose or in development. */
  devTools: boolean;
  /** Window background while the renderer loads, so a dark OS theme does not flash white. */
  dark?: boolean;
}

export function windowOptions({
  preloadPath,
  devTools,
  dark = false,
}: WindowFactoryInput): BrowserWindowConstructorOptions {
  return {
    title: 'Flotilla',
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: dark ? '#1b1d21' : '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
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
      devTools,
    },
  };
}

type PermissionName =
  Parameters<NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>>[1] | string;

/**
 * Permission decisions for the renderer. Everything is denied, except writing plain text to
 * the clipboard from our own page (the "Copy" buttons beside YAML and tokens use it);
 * reading the clipboard, notifications, media, geolocation, HID, serial, USB… are all refused.
 */
export function allowPermission(permission: PermissionName, requestingUrl: string | undefined): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

export interface HardenOptions {
  log: Logger;
  /** Opens a URL that passed the allow-list in the system browser (shell.openExternal). */
  openExternal(url: string): Promise<void> | void;
  devTools: boolean;
}

/** Sends an allow-listed URL to the system browser; logs and drops everything else. */
export function openIfAllowed(
  raw: string,
  { log, openExternal }: Pick<HardenOptions, 'log' | 'openExternal'>,
): boolean {
  const decision = decideExternalLink(raw);
  if (!decision.allow) {
    log.warn(`Refused to open ${JSON.stringify(raw.slice(0, 200))}: ${decision.reason}`);
    return false;
  }
  void Promise.resolve(openExternal(decision.url)).catch((error: unknown) =>
    log.warn(`Could not open ${decision.url}`, error),
  );
  return true;
}

/**
 * Keeps a web contents on the app: navigation away is prevented (a link to an allow-listed
 * site opens in the system browser instead), redirects off the app are stopped, every new
 * window is denied, <webview> cannot attach, and devtools close at once unless allowed.
 */
export function hardenWebContents(contents: WebContents, options: HardenOptions): void {
  const { log } = options;
  contents.on('will-navigate', (event, legacyUrl) => {
    const url = event.url ?? legacyUrl;
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn(`Blocked navigation to ${JSON.stringify(url)}`);
    openIfAllowed(url, options);
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn(`Blocked frame navigation to ${JSON.stringify(event.url)}`);
  });
  contents.on('will-redirect', (event, legacyUrl) => {
    const url = event.url ?? legacyUrl;
    if (isAppUrl(url)) return;
    event.preventDefault();
    log.warn(`Blocked redirect to ${JSON.stringify(url)}`);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, options);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('Blocked a <webview>');
  });
  if (!options.devTools) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}

/** Adds our CSP to a response's headers, replacing any other spelling of the header. */
export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const next: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') next[name] = value;
  }
  next['Content-Security-Policy'] = [desktopCsp];
  return next;
}

/**
 * Session-wide rules: permission requests and checks go through allowPermission, device
 * access is refused, and app:// responses get the CSP here too. The protocol handler's header
 * is the one relied on: Electron has not always emitted header events for custom protocols.
 */
export function hardenSession(session: Session, { log }: Pick<HardenOptions, 'log'>): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const allowed = allowPermission(permission, details.requestingUrl ?? contents.getURL());
    if (!allowed) log.warn(`Denied permission ${permission}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowPermission(permission, requestingOrigin === APP_ORIGIN ? `${APP_ORIGIN}/` : requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived({ urls: [`${APP_SCHEME}://*/*`] }, (details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
}
