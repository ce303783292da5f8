import type { WebSocket } from 'ws';
import type { EventBus } from './events';
import type { Router } from './router';
import type { Logger } from '../services/log';

interface Request {
  id: number;
  call: unknown;
  input: unknown;
}

function parseRequest(data: string): Request | undefined {
  try {
    const msg = JSON.parse(data) as Partial<Request> | null;
    if (msg && typeof msg === 'object' && typeof msg.id === 'number' && Number.isFinite(msg.id)) {
      return { id: msg.id, call: msg.call, input: msg.input };
    }
  } catch {
    // fall through
  }
  return undefined;
}

/**
 * Serves the contract over one WebSocket: `{id, call, input}` in, `{id, result}` out,
 * and `{event, payload}` for every event on the bus while the socket is open.
 */
export function serveSocket(socket: WebSocket, router: Router, events: EventBus, log: Logger): void {
  const send = (message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = events.subscribe((event, payload) => send({ event, payload }));
  socket.on('message', (raw, isBinary) => {
    const request = isBinary ? undefined : parseRequest(raw.toString());
    if (!request) {
      send({
        error: { code: 'INVALID_ARGUMENT', message: 'Expected {"id": number, "call": string, "input": …}' },
      });
      return;
    }
    void router.dispatch(request.call, request.input).then((result) => send({ id: request.id, result }));
  });
  socket.on('close', unsubscribe);
  socket.on('error', (error) => log.warn('socket error', error));
}
