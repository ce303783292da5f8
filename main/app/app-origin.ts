import path from 'node:path';

/**
 * The desktop shell serves the built renderer from a custom scheme, `app://flotilla/`,
 * not from file://. A file:// page may read any local file the user can and shares its
 * origin with every other file; a privileged standard scheme gives the renderer one origin
 * of its own that the IPC sender check and the CSP can name exactly.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'flotilla';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for URLs of our own renderer, and only those. */
export function isAppUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  try {
    const url = new URL(raw);
    return (
      url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === ''
    );
  } catch {
    return false;
  }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export type AssetLookup =
  { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 404; reason: string };

/**
 * Maps an app:// request URL to a file inside the built renderer folder. Anything that would
 * leave the folder, or asks for another host, is refused; a path without an extension is the
 * single-page app itself (index.html).
 */
export function resolveAppAsset(rendererDir: string, requestUrl: string): AssetLookup {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (!isAppUrl(url.href)) return { ok: false, status: 404, reason: `not an ${APP_ORIGIN} URL` };
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (relative.includes('\0') || relative.includes('\\'))
    return { ok: false, status: 400, reason: 'bad characters in path' };
  if (relative === '/' || path.posix.extname(relative) === '') relative = '/index.html';
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${path.posix.normalize(relative)}`);
  if (file !== root && !file.startsWith(root + path.sep))
    return { ok: false, status: 404, reason: 'outside the renderer folder' };
  const type = contentTypes[path.extname(file).toLowerCase()];
  if (!type) return { ok: false, status: 404, reason: `no content type for ${path.extname(file)}` };
  return { ok: true, file, contentType: type };
}
