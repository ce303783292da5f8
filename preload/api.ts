import {
  callNames,
  eventNames,
  fail,
  IPC_CALL_CHANNEL,
  IPC_EVENT_CHANNEL,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventName,
  type EventPayload,
  type Result,
} from '../shared/contract';

/**
 * What the desktop preload exposes to the renderer as `window.flotilla`: one method per
 * contract call, `on` for events, and `pathForFile` for dropped files. Nothing else.
 */
export type DesktopApi = {
  [N in CallName]: (input: CallInput<N>) => Promise<Result<CallOutput<N>>>;
} & {
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
  /** The file-system path of a File from a drop or a file input ('' when it has none). */
  pathForFile(file: File): string;
};

/** The Electron pieces the API is built from (ipcRenderer.invoke/on, webUtils.getPathForFile). */
export interface PreloadPorts {
  invoke(channel: string, name: CallName, input: unknown): Promise<unknown>;
  listen(channel: string, listener: (event: unknown, name: unknown, payload: unknown) => void): void;
  getPathForFile(file: File): string;
}

/** Builds the API. Pure: index.ts hands it the real Electron functions, tests hand it their own. */
export function createDesktopApi(ports: PreloadPorts): DesktopApi {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  ports.listen(IPC_EVENT_CHANNEL, (_event, name, payload) => {
    // The IPC event object never reaches the renderer: it carries the sender and ports.
    if (typeof name !== 'string') return;
    for (const listener of listeners.get(name) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`flotilla: a listener for ${name} threw`, error);
      }
    }
  });

  const api: Record<string, unknown> = {};
  for (const name of callNames) {
    api[name] = async (input: unknown): Promise<Result<unknown>> => {
      try {
        return (await ports.invoke(IPC_CALL_CHANNEL, name, input)) as Result<unknown>;
      } catch (error) {
        return fail(
          'UNAVAILABLE',
          `${name}: the main process did not answer (${error instanceof Error ? error.message : String(error)})`,
        );
      }
    };
  }
  api.on = (name: unknown, listener: unknown): (() => void) => {
    if (typeof name !== 'string' || !(eventNames as string[]).includes(name)) {
      throw new TypeError(
        `flotilla.on: unknown event ${JSON.stringify(name)}; known events: ${eventNames.join(', ')}`,
      );
    }
    if (typeof listener !== 'function')
      throw new TypeError(`flotilla.on(${name}): the listener must be a function`);
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    const entry = (payload: unknown) => (listener as (payload: unknown) => void)(payload);
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  };
  api.pathForFile = (file: unknown): string => {
    if (!(file instanceof File))
      throw new TypeError('flotilla.pathForFile: expected a File from a drop or a file input');
    return ports.getPathForFile(file);
  };
  return api as DesktopApi;
}
