import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { callNames, eventNames, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/contract';
import { createDesktopApi, type PreloadPorts } from './api';

/** ipcRenderer stand-in: records invokes and lets the test push events as main would. */
function ports(
  answer: (name: string, input: unknown) => Promise<unknown> = async () => ({ ok: true, value: 1 }),
) {
  const bus = new EventEmitter();
  const invoked: unknown[][] = [];
  const paths = new Map<File, string>();
  const p: PreloadPorts = {
    invoke: (channel, name, input) => {
      invoked.push([channel, name, input]);
      return answer(name, input);
    },
    listen: (channel, listener) => void bus.on(channel, listener),
    getPathForFile: (file) => paths.get(file) ?? '',
  };
  const push = (name: unknown, payload: unknown) =>
    bus.emit(IPC_EVENT_CHANNEL, { sender: 'secret' }, name, payload);
  return { p, invoked, push, paths };
}

describe('createDesktopApi', () => {
  it('has exactly one method per call, plus on and pathForFile', () => {
    const api = createDesktopApi(ports().p);
    expect(Object.keys(api).sort()).toEqual([...callNames, 'on', 'pathForFile'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as Record<string, unknown>)[key]).toBe('function');
  });

  it('invokes the call channel with the call name and the input as given', async () => {
    const { p, invoked } = ports();
    const api = createDesktopApi(p);
    await expect(api['app.info']({})).resolves.toEqual({ ok: true, value: 1 });
    await api['settings.update']({ theme: 'dark' });
    expect(invoked).toEqual([
      [IPC_CALL_CHANNEL, 'app.info', {}],
      [IPC_CALL_CHANNEL, 'settings.update', { theme: 'dark' }],
    ]);
  });

  it('turns a failed invoke into an UNAVAILABLE result instead of a thrown error', async () => {
    const api = createDesktopApi(ports(() => Promise.reject(new Error('No handler registered'))).p);
    await expect(api['app.status']({})).resolves.toEqual({
      ok: false,
      error: {
        code: 'UNAVAILABLE',
        message: 'app.status: the main process did not answer (No handler registered)',
      },
    });
  });

  it('delivers events by name with the payload only, until unsubscribed', () => {
    const { p, push } = ports();
    const api = createDesktopApi(p);
    const seen: unknown[][] = [];
    const off = api.on('settings.changed', (...args: unknown[]) => void seen.push(args));
    push('settings.changed', { theme: 'dark' });
    push('app.status', { other: true });
    off();
    push('settings.changed', { theme: 'light' });
    expect(seen).toEqual([[{ theme: 'dark' }]]);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const { p, push } = ports();
    const api = createDesktopApi(p);
    const seen: unknown[] = [];
    const quiet = console.error;
    console.error = () => {};
    try {
      api.on('settings.changed', () => {
        throw new Error('boom');
      });
      api.on('settings.changed', (payload) => void seen.push(payload));
      push('settings.changed', { theme: 'dark' });
    } finally {
      console.error = quiet;
    }
    expect(seen).toEqual([{ theme: 'dark' }]);
  });

  it('rejects unknown event names and non-function listeners', () => {
    const api = createDesktopApi(ports().p);
    const on = api.on as (name: unknown, listener: unknown) => () => void;
    expect(() => on('no.such.event', () => {})).toThrow(/unknown event "no.such.event"; known events: /);
    expect(() => on('__proto__', () => {})).toThrow(TypeError);
    expect(() => on(eventNames[0], 'not a function')).toThrow(/must be a function/);
  });

  it('gives the path of a dropped file and refuses anything that is not a File', () => {
    const { p, paths } = ports();
    const api = createDesktopApi(p);
    const file = new File(['apiVersion: v1'], 'config');
    paths.set(file, '/home/me/.kube/config');
    expect(api.pathForFile(file)).toBe('/home/me/.kube/config');
    expect(api.pathForFile(new File([], 'pasted'))).toBe('');
    expect(() => api.pathForFile({ name: 'config' } as unknown as File)).toThrow(/expected a File/);
  });
});
