// These tests run in Node against a real WebSocket server from the `ws` package.
// eslint-disable-next-line no-restricted-imports -- test-only: the renderer code itself never imports ws
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import type { BridgeState } from './connection';
import { createWsBridge, type SocketLike, type WsBridge } from './ws-client';

type Frame = { id: number; call: string; input: unknown };
type Handler = (frame: Frame, socket: WebSocket) => void;

/** A real server speaking the /rpc protocol; `handler` decides how (and whether) to answer. */
async function startServer(handler: Handler, port = 0) {
  const server = new WebSocketServer({ host: '127.0.0.1', port });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const urls: string[] = [];
  server.on('connection', (socket, request) => {
    urls.push(request.url ?? '');
    socket.on('message', (data: RawData) => handler(JSON.parse(String(data)) as Frame, socket));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the test server has no TCP address');
  return {
    server,
    port: address.port,
    urls,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

const echo: Handler = (frame, socket) =>
  socket.send(
    JSON.stringify({ id: frame.id, result: { ok: true, value: { echoed: frame.call, input: frame.input } } }),
  );

const bridges: WsBridge[] = [];
const stoppers: (() => Promise<void>)[] = [];
afterEach(async () => {
  bridges.splice(0).forEach((bridge) => bridge.close());
  await Promise.all(stoppers.splice(0).map((stop) => stop()));
});

function connect(port: () => number, options: { callTimeoutMs?: number; errors?: string[] } = {}) {
  const bridge = createWsBridge({
    url: () => `ws://127.0.0.1:${port()}/rpc?token=t0k`,
    createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    callTimeoutMs: options.callTimeoutMs ?? 2_000,
    backoff: { initialMs: 20, maxMs: 80, jitter: 0 },
    onProtocolError: (reason) => options.errors?.push(reason),
  });
  bridges.push(bridge);
  return bridge;
}

function waitForState(bridge: WsBridge, state: BridgeState): Promise<void> {
  if (bridge.state() === state) return Promise.resolve();
  return new Promise((resolve) => {
    const off = bridge.onState((next) => {
      if (next === state) {
        off();
        resolve();
      }
    });
  });
}

describe('createWsBridge', () => {
  it('queues calls made before the socket opens and sends them once it does', async () => {
    const srv = await startServer(echo);
    stoppers.push(srv.stop);
    const bridge = connect(() => srv.port);
    expect(bridge.state()).toBe('connecting');
    const result = await bridge.call('settings.get', {});
    expect(result).toEqual({ ok: true, value: { echoed: 'settings.get', input: {} } });
    expect(bridge.state()).toBe('connected');
    expect(srv.urls).toEqual(['/rpc?token=t0k']);
  });

  it('matches answers to calls by id when they arrive out of order', async () => {
    const held: Frame[] = [];
    const srv = await startServer((frame, socket) => {
      held.push(frame);
      if (held.length < 3) return;
      for (const f of held.reverse()) {
        socket.send(JSON.stringify({ id: f.id, result: { ok: true, value: f.input } }));
      }
    });
    stoppers.push(srv.stop);
    const bridge = connect(() => srv.port);
    const results = await Promise.all([
      bridge.call('settings.update', { theme: 'light' }),
      bridge.call('settings.update', { theme: 'dark' }),
      bridge.call('settings.update', { theme: 'system' }),
    ]);
    expect(results.map((r) => r.ok && r.value)).toEqual([
      { theme: 'light' },
      { theme: 'dark' },
      { theme: 'system' },
    ]);
  });

  it('passes error results through unchanged', async () => {
    const srv = await startServer((frame, socket) =>
      socket.send(
        JSON.stringify({
          id: frame.id,
          result: { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'no' } },
        }),
      ),
    );
    stoppers.push(srv.stop);
    const result = await connect(() => srv.port).call('app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'no' } });
  });

  it('delivers events to the listeners of that name until they unsubscribe', async () => {
    const srv = await startServer((frame, socket) => {
      socket.send(JSON.stringify({ event: 'settings.changed', payload: frame.input }));
      socket.send(JSON.stringify({ event: 'app.status', payload: { other: true } }));
      socket.send(JSON.stringify({ id: frame.id, result: { ok: true, value: null } }));
    });
    stoppers.push(srv.stop);
    const bridge = connect(() => srv.port);
    const seen: unknown[] = [];
    const off = bridge.on('settings.changed', (payload) => seen.push(payload));
    await bridge.call('settings.update', { theme: 'dark' });
    off();
    await bridge.call('settings.update', { theme: 'light' });
    expect(seen).toEqual([{ theme: 'dark' }]);
  });

  it('reports malformed frames and keeps working', async () => {
    const errors: string[] = [];
    const srv = await startServer((frame, socket) => {
      socket.send('not json');
      socket.send(JSON.stringify({ id: frame.id, result: { ok: true, value: 1 } }));
    });
    stoppers.push(srv.stop);
    const result = await connect(() => srv.port, { errors }).call('app.info', {});
    expect(result).toEqual({ ok: true, value: 1 });
    expect(errors).toEqual(['frame is not JSON']);
  });

  it('fails calls in flight when the connection drops, then reconnects and works again', async () => {
    let answer = false;
    const srv = await startServer((frame, socket) => {
      if (answer) echo(frame, socket);
      else socket.terminate();
    });
    stoppers.push(srv.stop);
    const bridge = connect(() => srv.port);
    const states: BridgeState[] = [];
    bridge.onState((state) => states.push(state));

    const lost = await bridge.call('app.status', {});
    expect(lost).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(!lost.ok && lost.error.message).toMatch(/app.status: the connection to Flotilla was lost/);

    answer = true;
    await waitForState(bridge, 'connected');
    expect(await bridge.call('app.status', {})).toMatchObject({ ok: true });
    expect(states.slice(0, 3)).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('keeps calls waiting while the server is down and sends them when it is back', async () => {
    const first = await startServer(echo);
    const port = first.port;
    const bridge = connect(() => port, { callTimeoutMs: 5_000 });
    await waitForState(bridge, 'connected');
    await first.stop();
    await waitForState(bridge, 'reconnecting');

    const waiting = bridge.call('settings.get', {});
    const second = await startServer(echo, port);
    stoppers.push(second.stop);
    expect(await waiting).toEqual({ ok: true, value: { echoed: 'settings.get', input: {} } });
    expect(bridge.state()).toBe('connected');
  });

  it('gives up on a call after the timeout with UNAVAILABLE', async () => {
    const srv = await startServer(() => {});
    stoppers.push(srv.stop);
    const bridge = connect(() => srv.port, { callTimeoutMs: 150 });
    const started = Date.now();
    const result = await bridge.call('app.info', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'app.info: no answer from Flotilla within 0.15 s' },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('close() fails what is pending, stops reconnecting and refuses new calls', async () => {
    const srv = await startServer(() => {});
    stoppers.push(srv.stop);
    const bridge = connect(() => srv.port);
    await waitForState(bridge, 'connected');
    const pending = bridge.call('app.info', {});
    bridge.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(bridge.state()).toBe('closed');
    expect(await bridge.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
