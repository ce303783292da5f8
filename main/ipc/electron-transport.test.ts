import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type Result } from '../../shared/contract';
import { createAppCore, type AppCore } from '../app/compose';
import { createLogger } from '../services/log';
import { bindElectronTransport, refuseSender, senderFacts, type SenderFacts } from './electron-transport';

describe('refuseSender', () => {
  const good: SenderFacts = { frameUrl: 'app://flotilla/index.html', isMainFrame: true, fromOurWindow: true };
  it.each<[string, Partial<SenderFacts>, RegExp | null]>([
    ['our main frame on the app page', {}, null],
    ['a destroyed frame', { frameUrl: null }, /gone/],
    ['a window we did not create', { fromOurWindow: false }, /not a Flotilla window/],
    ['a sub-frame', { isMainFrame: false }, /sub-frame/],
    ['a page on another site', { frameUrl: 'https://evil.example/' }, /evil\.example/],
    ['a file:// page', { frameUrl: 'file:///tmp/x.html' }, /file:/],
    ['about:blank', { frameUrl: 'about:blank' }, /about:blank/],
    ['another app:// host', { frameUrl: 'app://other/index.html' }, /app:\/\/other/],
  ])('%s', (_label, change, expected) => {
    const refusal = refuseSender({ ...good, ...change });
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});

/** Minimal stand-ins for the Electron objects the transport talks to (the binary cannot run here). */
function fakeContents(url: string) {
  const mainFrame = { url, parent: null };
  const sent: unknown[][] = [];
  return {
    mainFrame,
    sent,
    destroyed: false,
    getURL: () => url,
    isDestroyed() {
      return this.destroyed;
    },
    send: (...args: unknown[]) => void sent.push(args),
  };
}
type Contents = ReturnType<typeof fakeContents>;

function invokeEvent(sender: Contents, frame: { url: string; parent: unknown } | null = sender.mainFrame) {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

describe('bindElectronTransport', () => {
  let dir: string;
  let core: AppCore;
  let handler: ((event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>) | undefined;
  let ours: Contents;
  let stranger: Contents;
  let unbind: () => void;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-ipc-'));
    const log = createLogger({ quiet: true });
    core = createAppCore({ dataDir: dir, shell: 'electron', log });
    ours = fakeContents('app://flotilla/index.html');
    stranger = fakeContents('app://flotilla/index.html');
    const ipcMain = {
      handle: (channel: string, h: typeof handler) => {
        expect(channel).toBe(IPC_CALL_CHANNEL);
        handler = h;
      },
      removeHandler: () => (handler = undefined),
    };
    unbind = bindElectronTransport({
      ipcMain: ipcMain as unknown as IpcMain,
      router: core.router,
      events: core.events,
      isOurWebContents: (c) => c === (ours as unknown as WebContents),
      targets: () => [ours as unknown as WebContents],
      log,
    });
  });
  afterEach(() => {
    unbind();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = (event: IpcMainInvokeEvent, name: unknown, input?: unknown) => {
    if (!handler) throw new Error('no handler registered');
    return handler(event, name, input);
  };

  it('dispatches a call from our window to the router', async () => {
    const result = await call(invokeEvent(ours), 'app.info', {});
    expect(result).toMatchObject({ ok: true, value: { name: 'Flotilla', shell: 'electron', dataDir: dir } });
  });

  it('passes the router’s refusals through unchanged', async () => {
    expect(await call(invokeEvent(ours), 'no.such.call', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CALL' },
    });
    expect(await call(invokeEvent(ours), 'settings.update', { theme: 'purple' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it.each([
    ['a window we did not create', () => invokeEvent(stranger)],
    [
      'a sub-frame of our window',
      () => invokeEvent(ours, { url: 'app://flotilla/index.html', parent: ours.mainFrame }),
    ],
    ['a destroyed frame', () => invokeEvent(ours, null)],
    [
      'our window showing another page',
      () => {
        ours.mainFrame.url = 'https://evil.example/';
        return invokeEvent(ours);
      },
    ],
  ])('refuses %s before any service runs', async (_label, makeEvent) => {
    const before = (await call(invokeEvent(ours), 'settings.get', {})) as Result<{ theme: string }>;
    const result = await call(makeEvent(), 'settings.update', { theme: 'dark' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    ours.mainFrame.url = 'app://flotilla/index.html';
    expect(await call(invokeEvent(ours), 'settings.get', {})).toEqual(before);
  });

  it('sends events to our windows on the event channel, skipping destroyed ones', async () => {
    await call(invokeEvent(ours), 'settings.update', { theme: 'dark' });
    expect(ours.sent).toEqual([[IPC_EVENT_CHANNEL, 'settings.changed', { theme: 'dark' }]]);
    expect(stranger.sent).toEqual([]);
    ours.destroyed = true;
    await call(invokeEvent(ours), 'settings.get', {});
    core.events.emit('settings.changed', { theme: 'light' });
    expect(ours.sent).toHaveLength(1);
  });

  it('unbinds the handler and the event subscription', () => {
    unbind();
    expect(handler).toBeUndefined();
    core.events.emit('settings.changed', { theme: 'light' });
    expect(ours.sent).toEqual([]);
  });
});

describe('senderFacts', () => {
  it('reads a real-shaped event', () => {
    const contents = fakeContents('app://flotilla/index.html');
    const facts = senderFacts(invokeEvent(contents), () => true);
    expect(facts).toEqual({ frameUrl: 'app://flotilla/index.html', isMainFrame: true, fromOurWindow: true });
    expect(senderFacts(invokeEvent(contents, null), () => false)).toEqual({
      frameUrl: null,
      isMainFrame: false,
      fromOurWindow: false,
    });
  });
});
