import type { Bridge, CallName, Result } from '../../shared/contract';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';
import type { BridgeState, ConnectionMonitor } from './connection';
import { encodeRequest, parseServerMessage } from './ws-protocol';

/** The part of the browser WebSocket API the client uses (the `ws` package offers it too). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface WsBridgeOptions {
  /** The /rpc URL, read again before every (re)connect. */
  url: () => string;
  createSocket: (url: string) => SocketLike;
  /** How long a call may wait for its answer, connected or not, before it fails with UNAVAILABLE. */
  callTimeoutMs?: number;
  backoff?: BackoffOptions;
  /** Told about frames that break the protocol; they are otherwise dropped. */
  onProtocolError?: (reason: string) => void;
}

export interface WsBridge extends Bridge, ConnectionMonitor {
  /** Closes the socket for good: pending calls fail, no reconnect. */
  close(): void;
}

interface Pending {
  name: string;
  frame: string;
  sent: boolean;
  timer: ReturnType<typeof setTimeout>;
  resolve: (result: Result<unknown>) => void;
}

const unavailable = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'UNAVAILABLE', message },
});

/** A Bridge over one WebSocket that reconnects with back-off and queues calls while it is down. */
export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const callTimeoutMs = options.callTimeoutMs ?? 15_000;
  const backoff = options.backoff ?? defaultBackoff;
  const pending = new Map<number, Pending>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: BridgeState) => void>();
  let state: BridgeState = 'connecting';
  let socket: SocketLike | null = null;
  let attempt = 0;
  let nextId = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const setState = (next: BridgeState) => {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  };

  const settle = (id: number, result: Result<unknown>) => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimeout(entry.timer);
    entry.resolve(result);
  };

  const flush = () => {
    for (const entry of pending.values()) {
      if (entry.sent || !socket) continue;
      socket.send(entry.frame);
      entry.sent = true;
    }
  };

  const handleFrame = (data: unknown) => {
    const message = parseServerMessage(typeof data === 'string' ? data : String(data));
    if (message.kind === 'invalid') return options.onProtocolError?.(message.reason);
    if (message.kind === 'response') return settle(message.id, message.result);
    for (const listener of [...(eventListeners.get(message.event) ?? [])]) {
      try {
        listener(message.payload);
      } catch (error) {
        // One broken listener must not keep the event from the others or break the socket.
        console.error(`flotilla: a listener for ${message.event} threw`, error);
      }
    }
  };

  const connect = () => {
    retryTimer = null;
    const current = options.createSocket(options.url());
    socket = current;
    current.onopen = () => {
      if (socket !== current) return;
      attempt = 0;
      setState('connected');
      flush();
    };
    current.onmessage = (event) => {
      if (socket === current) handleFrame(event.data);
    };
    current.onerror = () => {};
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      for (const [id, entry] of pending) {
        if (entry.sent)
          settle(id, unavailable(`${entry.name}: the connection to Flotilla was lost before it answered`));
      }
      if (state === 'closed') return;
      setState('reconnecting');
      retryTimer = setTimeout(connect, backoffDelay(attempt++, backoff));
    };
  };

  connect();

  return {
    call(name: CallName, input: unknown) {
      return new Promise<Result<unknown>>((resolve) => {
        if (state === 'closed') return resolve(unavailable(`${name}: the connection to Flotilla is closed`));
        const id = ++nextId;
        const timer = setTimeout(
          () => settle(id, unavailable(`${name}: no answer from Flotilla within ${callTimeoutMs / 1000} s`)),
          callTimeoutMs,
        );
        const entry: Pending = {
          name,
          frame: encodeRequest({ id, call: name, input }),
          sent: false,
          timer,
          resolve,
        };
        pending.set(id, entry);
        if (state === 'connected' && socket) flush();
      });
    },
    on(name, listener) {
      const set = eventListeners.get(name) ?? new Set();
      eventListeners.set(name, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
    close() {
      setState('closed');
      if (retryTimer) clearTimeout(retryTimer);
      const current = socket;
      socket = null;
      current?.close();
      for (const id of [...pending.keys()]) settle(id, unavailable('the connection to Flotilla was closed'));
    },
  } as WsBridge;
}
