export * from './calls';
export * from './events';
export * from './result';

/** The one surface a shell offers the renderer: preload in Electron, a WebSocket client in browser mode. */
import type { CallInput, CallName, CallOutput } from './calls';
import type { EventName, EventPayload } from './events';
import type { Result } from './result';

export interface Bridge {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}

/** Channel names used by the Electron shell. */
export const IPC_CALL_CHANNEL = 'flotilla:call';
export const IPC_EVENT_CHANNEL = 'flotilla:event';
