import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAppCore, type AppCore } from './compose';
import { startWebServer, type WebServer } from './web-server';
import { createLogger } from '../services/log';
import { cookieName } from '../ipc/web-guard';

let dir: string;
let core: AppCore;
let server: WebServer;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-web-'));
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer);
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Flotilla</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  core = createAppCore({ dataDir: path.join(dir, 'data'), shell: 'web', log: createLogger({ quiet: true }) });
  server = await startWebServer({ core, rendererDir: renderer, port: 0 });
});

afterEach(async () => {
  await server.close();
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${server.port}`;

function rpc(url: string, headers: Record<string, string>) {
  return new Promise<{ socket?: WebSocket; status?: number }>((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => resolve({ socket }));
    socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    socket.on('error', () => resolve({ status: -1 }));
  });
}

function call(socket: WebSocket, id: number, name: string, input: unknown) {
  return new Promise<unknown>((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString());
      if (msg.id === id) {
        socket.off('message', onMessage);
        resolve(msg.result);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, call: name, input }));
  });
}

describe('browser mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('serves the page with the token and sets a strict session cookie', async () => {
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Flotilla</title>');
    expect(res.headers.get('set-cookie')).toMatch(
      new RegExp(`^${cookieName(server.port)}=.+; HttpOnly; SameSite=Strict`),
    );
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('refuses a request without the token or with a wrong one', async () => {
    expect((await fetch(`${base()}/`)).status).toBe(401);
    expect((await fetch(`${base()}/?token=wrong`)).status).toBe(401);
    expect((await fetch(`${base()}/index.html`)).status).toBe(401);
  });

  it('accepts the session cookie instead of the query token', async () => {
    const res = await fetch(`${base()}/`, {
      headers: { cookie: `${cookieName(server.port)}=${server.token}` },
    });
    expect(res.status).toBe(200);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await fetch(server.url, { headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
  });

  it('refuses a rebound Host name (DNS rebinding) even with the token', async () => {
    // fetch() will not let a caller set Host, so speak HTTP directly, as a rebinding page's browser would.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/?token=${server.token}`,
          headers: { host: `attacker.example:${server.port}` },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
    });
    expect(status).toBe(403);
  });

  it('never serves files outside the renderer folder', async () => {
    const res = await fetch(`${base()}/..%2fsecret.txt?token=${server.token}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside the renderer');
  });

  it('serves the contract over /rpc with the token and our Origin', async () => {
    const { socket } = await rpc(`ws://127.0.0.1:${server.port}/rpc?token=${server.token}`, {
      origin: `http://127.0.0.1:${server.port}`,
    });
    expect(socket).toBeDefined();
    const info = (await call(socket!, 1, 'app.info', {})) as { ok: boolean; value: { shell: string } };
    expect(info).toMatchObject({ ok: true, value: { shell: 'web', name: 'Flotilla' } });
    const bad = await call(socket!, 2, 'settings.update', { theme: 'purple' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const unknown = await call(socket!, 3, 'clusters.drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    socket!.close();
  });

  it('pushes events to connected sockets', async () => {
    const { socket } = await rpc(`ws://127.0.0.1:${server.port}/rpc?token=${server.token}`, {
      origin: `http://localhost:${server.port}`,
    });
    const event = new Promise<unknown>((resolve) =>
      socket!.on('message', (data) => {
        const msg = JSON.parse(data.toString());
        if (msg.event) resolve(msg);
      }),
    );
    await call(socket!, 1, 'settings.update', { theme: 'dark' });
    expect(await event).toEqual({ event: 'settings.changed', payload: { theme: 'dark' } });
    socket!.close();
  });

  it('refuses WebSockets without the token, from a foreign Origin, or without an Origin', async () => {
    const url = `ws://127.0.0.1:${server.port}/rpc`;
    expect((await rpc(url, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(401);
    expect((await rpc(`${url}?token=${server.token}`, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await rpc(`${url}?token=${server.token}`, {})).status).toBe(403);
  });

  it('reports a port in use in one clear line', async () => {
    await expect(startWebServer({ core, rendererDir: dir, port: server.port })).rejects.toThrow(
      `Port ${server.port} on 127.0.0.1 is already in use; pick another with --port`,
    );
  });
});
