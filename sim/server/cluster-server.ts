/**
 * One simulated cluster's listener: a plain TCP front (so a fault can keep sockets silent or close
 * the port) handing connections to an HTTPS server that asks for, but does not require, client certs.
 */
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { handleRequest } from './dispatch';
import type { ClusterRuntime } from './runtime';

export interface ClusterListener {
  port: number;
  /** Applies rt.faults.unreachable: closes or reopens the port as needed. */
  syncReachability(): Promise<void>;
  close(): Promise<void>;
}

export async function listenCluster(
  rt: ClusterRuntime,
  tls: { cert: string; key: string; ca: string },
  port: number,
): Promise<ClusterListener> {
  const https: HttpsServer = createHttpsServer(
    { cert: tls.cert, key: tls.key, ca: tls.ca, requestCert: true, rejectUnauthorized: false },
    (req, res) => {
      void handleRequest(rt, req, res);
    },
  );
  https.keepAliveTimeout = 30_000;
  const sockets = new Set<Socket>();
  const held = new Set<Socket>();
  const onConnection = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      held.delete(socket);
    });
    socket.on('error', () => socket.destroy());
    if (rt.faults.unreachable === 'silent') {
      held.add(socket);
      return;
    }
    https.emit('connection', socket);
  };
  let front: NetServer | undefined;
  const open = (p: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const s = createNetServer({ pauseOnConnect: false }, onConnection);
      s.once('error', reject);
      s.listen(p, '127.0.0.1', () => {
        front = s;
        const addr = s.address();
        resolve(typeof addr === 'object' && addr ? addr.port : p);
      });
    });
  const closeFront = (): Promise<void> =>
    new Promise((resolve) => {
      const s = front;
      front = undefined;
      if (!s) return resolve();
      s.close(() => resolve());
      for (const sock of sockets) sock.destroy();
    });
  const actual = await open(port);
  rt.port = actual;
  return {
    port: actual,
    async syncReachability() {
      const mode = rt.faults.unreachable;
      if (mode === 'refuse' && front) await closeFront();
      else if (mode !== 'refuse' && !front) await open(actual);
      if (mode === 'silent') for (const s of sockets) if (!held.has(s)) s.destroy();
      if (mode === 'no') {
        for (const s of held) s.destroy();
        held.clear();
      }
    },
    async close() {
      for (const w of [...rt.watches]) w.close();
      await closeFront();
      https.close();
      for (const s of sockets) s.destroy();
    },
  };
}
