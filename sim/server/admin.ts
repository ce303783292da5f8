/** Run-time control of faults, per cluster: a programmatic object and a loopback HTTP endpoint with its own token. */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApiError } from './errors';
import { noFaults, parseFaultPatch, type FaultState } from './faults';
import { readBody, sendError, sendJson } from './http-util';
import type { ClusterListener } from './cluster-server';
import type { ClusterRuntime } from './runtime';
import { ADMIN_USER, VIEWER_USER } from './bootstrap';

export interface SimAdmin {
  clusters(): string[];
  faults(cluster: string): FaultState;
  /** Merges `patch` into the cluster's faults (e.g. {latencyMs: 200}, {errorRate: 0.5, errorCode: 429}, {unreachable: 'silent'}). */
  setFaults(cluster: string, patch: Partial<FaultState>): Promise<FaultState>;
  /** Clears every fault and restores every token. */
  reset(cluster: string): Promise<void>;
  /** Compacts the cluster's history and ends every open watch with a 410 Gone ERROR event. */
  expireWatches(cluster: string): void;
  /** Makes tokens answer 401: the admin's, the viewer's, or all. */
  expireTokens(cluster: string, who?: 'admin' | 'viewer' | 'all'): void;
  restoreTokens(cluster: string): void;
}

export function createAdmin(
  runtimes: Map<string, { rt: ClusterRuntime; listener: ClusterListener }>,
): SimAdmin {
  const get = (name: string): { rt: ClusterRuntime; listener: ClusterListener } => {
    const c = runtimes.get(name);
    if (!c)
      throw new ApiError(
        404,
        `no cluster named "${name}" (known: ${[...runtimes.keys()].join(', ')})`,
        'NotFound',
      );
    return c;
  };
  const tokensOf = (rt: ClusterRuntime, user: string): string[] =>
    [...rt.tokens.tokens].filter(([, id]) => id.user === user).map(([t]) => t);
  const admin: SimAdmin = {
    clusters: () => [...runtimes.keys()],
    faults: (name) => ({ ...get(name).rt.faults }),
    async setFaults(name, patch) {
      const { rt, listener } = get(name);
      Object.assign(rt.faults, parseFaultPatch(patch));
      await listener.syncReachability();
      if (rt.faults.unreachable !== 'no') for (const w of [...rt.watches]) w.close();
      return { ...rt.faults };
    },
    async reset(name) {
      const { rt, listener } = get(name);
      Object.assign(rt.faults, noFaults());
      admin.restoreTokens(name);
      await listener.syncReachability();
    },
    expireWatches(name) {
      const { rt } = get(name);
      rt.store.compact();
      for (const w of [...rt.watches]) {
        const h = w as { expire?: () => void; close(): void };
        if (h.expire) h.expire();
        else h.close();
      }
    },
    expireTokens(name, who = 'all') {
      const { rt } = get(name);
      if (who === 'all') rt.tokens.allExpired = true;
      else for (const t of tokensOf(rt, who === 'admin' ? ADMIN_USER : VIEWER_USER)) rt.tokens.expired.add(t);
    },
    restoreTokens(name) {
      const { rt } = get(name);
      rt.tokens.allExpired = false;
      rt.tokens.expired.clear();
    },
  };
  return admin;
}

/**
 * The admin endpoint, on 127.0.0.1 only, every request with `Authorization: Bearer <adminToken>`:
 *   GET  /clusters                          → [{name, faults}]
 *   GET  /clusters/NAME/faults              → FaultState
 *   PATCH|POST /clusters/NAME/faults        → merge a JSON FaultState fragment
 *   POST /clusters/NAME/reset               → no faults, tokens restored
 *   POST /clusters/NAME/expire-watches      → 410 Gone to every open watch
 *   POST /clusters/NAME/expire-tokens       → body {"who":"admin"|"viewer"|"all"}
 *   POST /clusters/NAME/restore-tokens
 */
export function listenAdmin(
  admin: SimAdmin,
  token: string,
  port: number,
): Promise<{ server: Server; port: number }> {
  const expected = Buffer.from(`Bearer ${token}`);
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const got = Buffer.from(req.headers.authorization ?? '');
        if (got.length !== expected.length || !timingSafeEqual(got, expected))
          throw new ApiError(401, 'Unauthorized: the admin endpoint needs the admin token', 'Unauthorized');
        const segs = new URL(req.url ?? '/', 'http://localhost').pathname
          .split('/')
          .filter(Boolean)
          .map(decodeURIComponent);
        const method = req.method ?? 'GET';
        const raw = method === 'GET' ? Buffer.alloc(0) : await readBody(req);
        const body: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : {};
        if (segs[0] !== 'clusters')
          throw new ApiError(404, `unknown admin path ${req.url ?? ''}`, 'NotFound');
        if (segs.length === 1)
          return sendJson(
            res,
            200,
            admin.clusters().map((name) => ({ name, faults: admin.faults(name) })),
          );
        const [, name, action] = segs;
        if (action === 'faults' && method === 'GET') return sendJson(res, 200, admin.faults(name));
        if (action === 'faults')
          return sendJson(res, 200, await admin.setFaults(name, body as Partial<FaultState>));
        if (method !== 'POST') throw new ApiError(405, `use POST for ${action ?? ''}`, 'MethodNotAllowed');
        if (action === 'reset') await admin.reset(name);
        else if (action === 'expire-watches') admin.expireWatches(name);
        else if (action === 'expire-tokens')
          admin.expireTokens(name, (body as { who?: 'admin' | 'viewer' | 'all' }).who ?? 'all');
        else if (action === 'restore-tokens') admin.restoreTokens(name);
        else throw new ApiError(404, `unknown admin action "${action ?? ''}"`, 'NotFound');
        return sendJson(res, 200, { ok: true, faults: admin.faults(name) });
      } catch (e) {
        if (e instanceof SyntaxError)
          return sendError(res, new ApiError(400, `admin: body is not JSON: ${e.message}`));
        sendError(res, e);
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, port: typeof a === 'object' && a ? a.port : port });
    });
  });
}
