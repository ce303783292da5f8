import type { Bridge, CallName, Result } from '../../shared/contract';

/** What preload exposes as `window.flotilla`: one method per call name, plus `on`. */
export interface PreloadApi {
  on(eventName: string, listener: (payload: unknown) => void): () => void;
  [callName: string]: ((input: unknown) => Promise<Result<unknown>>) | PreloadApi['on'];
}

export function isPreloadApi(value: unknown): value is PreloadApi {
  return typeof value === 'object' && value !== null && typeof (value as { on?: unknown }).on === 'function';
}

/** Adapts the preload object to the Bridge interface the renderer codes against. */
export function createPreloadBridge(preload: PreloadApi): Bridge {
  return {
    call(name: CallName, input: unknown) {
      const method = (name as string) === 'on' ? undefined : preload[name];
      if (typeof method !== 'function') {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CALL', message: `The desktop shell does not offer "${name}"` },
        });
      }
      return (method as (input: unknown) => Promise<Result<unknown>>)(input);
    },
    on(name, listener) {
      return preload.on(name, listener as (payload: unknown) => void);
    },
  } as Bridge;
}
