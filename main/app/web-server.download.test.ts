import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureProgress } from '../../shared/contract/sources';
import { cookieName } from '../ipc/web-guard';
import { createLogger } from '../services/log';
import { openSnapshot } from '../services/snapshots/reader';
import { createAppCore, type AppCore } from './compose';
import { startWebServer, type WebServer } from './web-server';

/**
 * Browser mode's snapshot download, against the real server: a file a capture of this run wrote is
 * served to a request with the session token (its bytes, as an attachment); without the token, from
 * another Origin, under an id no capture had, or once the file was swapped for another, it is refused.
 */

let dir: string;
let core: AppCore;
let server: WebServer;
let taskId = '';
let file = '';

const base = () => `http://127.0.0.1:${server.port}`;
const withCookie = () => ({ cookie: `${cookieName(server.port)}=${server.token}` });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-download-'));
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Flotilla</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for download');
  core = createAppCore({ dataDir: path.join(dir, 'data'), shell: 'web', log: createLogger({ quiet: true }) });
  server = await startWebServer({ core, rendererDir: renderer, port: 0 });
  const ended = new Promise<CaptureProgress>((resolve) =>
    core.events.subscribe((name, payload) => {
      const p = payload as CaptureProgress;
      if (name === 'snapshots.progress' && ['done', 'failed', 'cancelled'].includes(p.phase)) resolve(p);
    }),
  );
  // the fleet with no cluster attached: a real capture, of nothing
  const started = await core.router.dispatch('snapshots.capture', { scope: { kind: 'fleet' }, note: 'é 🚢' });
  if (!started.ok) throw new Error(started.error.message);
  taskId = (started.value as { taskId: string }).taskId;
  const end = await ended;
  expect(end.phase).toBe('done');
  file = end.path!;
});

afterAll(async () => {
  await server?.close();
  await core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /snapshots/download/<task id>', () => {
  it('refuses a request without the session token, or from another Origin', async () => {
    expect((await fetch(`${base()}/snapshots/download/${taskId}`)).status).toBe(401);
    expect((await fetch(`${base()}/snapshots/download/${taskId}?token=wrong`)).status).toBe(401);
    const foreign = await fetch(`${base()}/snapshots/download/${taskId}?token=${server.token}`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('serves the captured file’s bytes as an attachment with the token', async () => {
    const res = await fetch(`${base()}/snapshots/download/${taskId}`, { headers: withCookie() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${path.basename(file)}"; filename*=UTF-8''${path.basename(file)}`,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(fs.readFileSync(file))).toBe(true);
    // what arrives opens as a snapshot
    const saved = path.join(dir, 'downloaded.flotilla');
    fs.writeFileSync(saved, bytes);
    const snap = openSnapshot(saved);
    expect(snap.meta).toMatchObject({ scope: 'fleet', note: 'é 🚢', clusters: [] });
    snap.close();
  });

  it('serves nothing but what a capture of this run wrote: no id, no path', async () => {
    const opts = { headers: withCookie() };
    for (const p of [
      '/snapshots/download/00000000-0000-0000-0000-000000000000',
      '/snapshots/download/..%2F..%2Fsecret.txt',
      `/snapshots/download/${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
      '/snapshots/download/flotilla.db',
      `/snapshots/download/?path=${encodeURIComponent(file)}`,
    ]) {
      const res = await fetch(`${base()}${p}`, opts);
      expect([p, res.status]).toEqual([p, 404]);
      expect(await res.text()).not.toContain('not for download');
    }
  });

  it('refuses once the file was replaced by another, or by a link to another', async () => {
    const original = fs.readFileSync(file);
    const link = `${file}.link`;
    fs.symlinkSync(path.join(dir, 'secret.txt'), link);
    fs.renameSync(link, file);
    const linked = await fetch(`${base()}/snapshots/download/${taskId}`, { headers: withCookie() });
    expect(linked.status).toBe(404);
    expect(await linked.text()).not.toContain('not for download');
    const other = `${file}.other`;
    fs.writeFileSync(other, original);
    fs.renameSync(other, file);
    expect((await fetch(`${base()}/snapshots/download/${taskId}`, { headers: withCookie() })).status).toBe(
      404,
    );
  });
});
