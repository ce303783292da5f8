import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { createPreloadBridge, isPreloadApi, type PreloadApi } from './electron-bridge';

/** An object of the shape preload exposes, backed by plain functions. */
function preloadLike() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: [string, unknown][] = [];
  const api: PreloadApi = {
    'settings.get': async (input: unknown): Promise<Result<unknown>> => {
      calls.push(['settings.get', input]);
      return { ok: true, value: { theme: 'dark' } };
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = (name: string, payload: unknown) =>
    listeners.get(name)?.forEach((listener) => listener(payload));
  return { api, calls, emit };
}

describe('createPreloadBridge', () => {
  it('calls the method named after the call', async () => {
    const preload = preloadLike();
    const bridge = createPreloadBridge(preload.api);
    expect(await bridge.call('settings.get', {})).toEqual({ ok: true, value: { theme: 'dark' } });
    expect(preload.calls).toEqual([['settings.get', {}]]);
  });

  it('answers UNKNOWN_CALL for a call preload does not offer', async () => {
    const bridge = createPreloadBridge(preloadLike().api);
    expect(await bridge.call('app.info', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CALL', message: 'The desktop shell does not offer "app.info"' },
    });
  });

  it('never treats `on` as a call', async () => {
    const bridge = createPreloadBridge(preloadLike().api);
    const result = await bridge.call('on' as 'app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
  });

  it('passes events through and unsubscribes', () => {
    const preload = preloadLike();
    const bridge = createPreloadBridge(preload.api);
    const seen: unknown[] = [];
    const off = bridge.on('settings.changed', (payload) => seen.push(payload));
    preload.emit('settings.changed', { theme: 'light' });
    off();
    preload.emit('settings.changed', { theme: 'dark' });
    expect(seen).toEqual([{ theme: 'light' }]);
  });
});

describe('isPreloadApi', () => {
  it.each([
    [undefined, false],
    [null, false],
    [{}, false],
    [{ on: 'x' }, false],
    [{ on: () => () => {} }, true],
  ])('%o → %s', (value, expected) => {
    expect(isPreloadApi(value)).toBe(expected);
  });
});
