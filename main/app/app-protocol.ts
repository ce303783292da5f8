import fs from 'node:fs/promises';
import type { Logger } from '../services/log';
import { resolveAppAsset } from './app-origin';
import { desktopCsp } from './window';

/** Headers on every app:// response, files and errors alike. */
const baseHeaders = {
  'Content-Security-Policy': desktopCsp,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The app:// protocol handler (protocol.handle): serves the built renderer folder and nothing
 * else. Only GET and HEAD; paths are resolved by resolveAppAsset, which refuses to leave the folder.
 */
export function createAppProtocolHandler(
  rendererDir: string,
  log: Logger,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const text = (status: number, body: string) =>
      new Response(body, {
        status,
        headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
      });
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed\n');
    const asset = resolveAppAsset(rendererDir, request.url);
    if (!asset.ok) {
      log.warn(`app:// refused ${request.url.slice(0, 200)}: ${asset.reason}`);
      return text(asset.status, 'Not found\n');
    }
    let body: Buffer;
    try {
      body = await fs.readFile(asset.file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EISDIR') log.error(`app:// could not read ${asset.file}`, error);
      return text(404, 'Not found\n');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...baseHeaders, 'Content-Type': asset.contentType, 'Cache-Control': 'no-cache' },
    });
  };
}
