import type { ContractError, Result } from '../../shared/contract';

/**
 * The browser-mode wire format (JSON text frames):
 *   request  { id, call, input }
 *   response { id, result: { ok: true, value } | { ok: false, error: { code, message } } }
 *   event    { event, payload }
 */
export interface RpcRequest {
  id: number;
  call: string;
  input: unknown;
}

export type ServerMessage =
  | { kind: 'response'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: string; payload: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isError(value: unknown): value is ContractError {
  return isObject(value) && typeof value.code === 'string' && typeof value.message === 'string';
}

function parseResult(value: unknown): Result<unknown> | null {
  if (!isObject(value) || typeof value.ok !== 'boolean') return null;
  if (value.ok) return { ok: true, value: value.value };
  return isError(value.error) ? { ok: false, error: value.error } : null;
}

/** Reads one frame from the server; returns an explanation instead of throwing when it is malformed. */
export function parseServerMessage(text: string): ServerMessage | { kind: 'invalid'; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'invalid', reason: 'frame is not JSON' };
  }
  if (!isObject(data)) return { kind: 'invalid', reason: 'frame is not a JSON object' };
  if (typeof data.event === 'string') return { kind: 'event', event: data.event, payload: data.payload };
  if (typeof data.id === 'number') {
    const result = parseResult(data.result);
    if (!result) return { kind: 'invalid', reason: `response ${data.id} has no valid "result"` };
    return { kind: 'response', id: data.id, result };
  }
  return { kind: 'invalid', reason: 'frame has neither "id" nor "event"' };
}

export function encodeRequest(request: RpcRequest): string {
  return JSON.stringify(request);
}
