import { useEffect, useRef } from 'react';
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '../../shared/contract';
import { api } from './api';

/** A failed call, with the contract's code, the message main wrote for people and its details. */
export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

/** Calls main and returns the value, or throws CallError with main's message. */
export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await api.call(name, input);
  if (!result.ok) throw new CallError(result.error.code, result.error.message, result.error.details);
  return result.value;
}

export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Subscribes to a main event for the life of the component; the latest callback is used. */
export function useEvent<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): void {
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  useEffect(() => api.on(name, (payload) => ref.current(payload)), [name]);
}
