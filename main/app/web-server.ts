import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { AppCore } from './compose';
import { cookieName, judgeRequest, type RequestFacts } from '../ipc/web-guard';
import { serveSocket } from '../ipc/web-transport';
import { attachmentHeader } from './areas/sources-download';

export class ServerError extends Error {
  readonly code = 'SERVER';
}

export interface WebServerOptions {
  core: AppCore;
  /** Folder with the built renderer (index.html and assets). */
  rendererDir: string;
  port: number;
  /** Fixed token for tests; random otherwise. */
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

function csp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

function facts(req: http.IncomingMessage, upgrade: boolean): RequestFacts {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return {
    host: header('host'),
    origin: header('origin'),
    cookie: header('cookie'),
    authorization: header('authorization'),
    secFetchSite: header('sec-fetch-site'),
    url: req.url ?? '/',
    upgrade,
  };
}

/** Resolves a URL path inside root, or undefined when it would leave it. */
function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  return file;
}

/** GET /snapshots/download/<capture task id>: a snapshot this run captured (see sources-download.ts). */
const DOWNLOAD = '/snapshots/download/';
const TASK_ID = /^[A-Za-z0-9-]{1,64}$/;

async function sendCaptured(
  core: AppCore,
  taskId: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  common: Record<string, string>,
): Promise<void> {
  const found = TASK_ID.test(taskId) ? await core.capturedSnapshot(taskId) : undefined;
  if (!found) {
    res
      .writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' })
      .end('No snapshot was captured under that id in this run of Flotilla\n');
    return;
  }
  res.writeHead(200, {
    ...common,
    'Content-Type': 'application/vnd.sqlite3',
    'Content-Length': String(found.size),
    'Content-Disposition': attachmentHeader(found.name),
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') {
    await found.handle.close();
    res.end();
    return;
  }
  // what was there when the headers went out; a client that goes away closes the file too
  pipeline(found.handle.createReadStream({ end: Math.max(0, found.size - 1) }), res, () => undefined);
}

/**
 * Browser mode: the built renderer and the contract over a WebSocket at /rpc (plus the snapshots this
 * run captured, as downloads), on 127.0.0.1 only, every request gated by Host, Origin and the session token.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = path.resolve(options.rendererDir);
  const log = options.core.log.child('web');
  let port = options.port;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 32 * 1024 * 1024 });

  const server = http.createServer((req, res) => {
    const verdict = judgeRequest(facts(req, false), { port, token });
    const common = {
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    if (!verdict.ok) {
      log.warn(`refused ${req.method} ${req.url?.split('?')[0]}: ${verdict.reason}`);
      res.writeHead(verdict.status, { ...common, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${verdict.reason}\n`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...common, Allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (urlPath.startsWith(DOWNLOAD)) {
      const taskId = urlPath.slice(DOWNLOAD.length);
      sendCaptured(options.core, taskId, req, res, common).catch((error: unknown) => {
        log.warn(`download of snapshot ${taskId.slice(0, 64)} failed`, error);
        if (res.headersSent) res.destroy();
        else res.writeHead(500, common).end();
      });
      return;
    }
    let file = resolveStatic(root, urlPath === '/' ? '/index.html' : urlPath);
    if (file && !fs.existsSync(file) && !path.extname(file)) file = path.join(root, 'index.html');
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const headers: Record<string, string> = {
      ...common,
      'Content-Type': mime[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp(port),
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'private, max-age=3600',
    };
    if (verdict.fromQuery) {
      headers['Set-Cookie'] = `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });

  server.on('upgrade', (req, socket, head) => {
    const verdict = judgeRequest(facts(req, true), { port, token });
    const pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (!verdict.ok || pathname !== '/rpc') {
      const status = verdict.ok ? 404 : verdict.status;
      log.warn(`refused WebSocket ${pathname}: ${verdict.ok ? 'unknown path' : verdict.reason}`);
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) =>
      serveSocket(ws, options.core.router, options.core.events, log),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(
          new ServerError(`Port ${options.port} on 127.0.0.1 is already in use; pick another with --port`),
        );
      else if (error.code === 'EACCES')
        reject(new ServerError(`Not allowed to listen on port ${options.port}; pick another with --port`));
      else reject(error);
    });
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
