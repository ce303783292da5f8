import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../services/log';
import { createAppProtocolHandler } from './app-protocol';
import { desktopCsp } from './window';

describe('app:// protocol handler', () => {
  let root: string;
  let rendererDir: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-proto-'));
    rendererDir = path.join(root, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Flotilla</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
    fs.writeFileSync(path.join(root, 'secret.json'), '{"token":"s3cret"}');
    handle = createAppProtocolHandler(rendererDir, createLogger({ quiet: true }));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('serves the entry page with the CSP and its content type', async () => {
    const response = await handle(new Request('app://flotilla/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(desktopCsp);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Flotilla</title>');
  });

  it('serves assets and falls back to the page for app routes', async () => {
    const js = await handle(new Request('app://flotilla/assets/index.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect(await (await handle(new Request('app://flotilla/clusters/tkg-01'))).text()).toContain('Flotilla');
  });

  it.each([
    ['app://flotilla/missing.js', 404],
    ['app://flotilla/../secret.json', 404],
    ['app://flotilla/%2e%2e/secret.json', 404],
    ['app://flotilla/..%2fsecret.json', 404],
    ['app://elsewhere/index.html', 404],
  ])('%s → %i without leaking files', async (url, status) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('s3cret');
    expect(response.headers.get('content-security-policy')).toBe(desktopCsp);
  });

  it('answers only GET and HEAD', async () => {
    expect(
      (await handle(new Request('app://flotilla/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405);
    const head = await handle(new Request('app://flotilla/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
