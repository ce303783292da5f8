import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Deadline } from './deadline';

/**
 * Reads, applies (server-side apply, field manager "flotilla") and deletes one object on a cluster,
 * and asks the API server whether the user may do so (SelfSubjectAccessReview).
 *
 * Raw HTTPS rather than client-node's KubernetesObjectApi: its typed deserialisation turns
 * timestamps into Date objects and drops fields its models do not know, and the editor must show
 * and send the object exactly as the API server has it.
 */

export const FIELD_MANAGER = 'flotilla';

export interface ObjectTarget {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface StatusCause {
  field?: string;
  message: string;
  reason?: string;
}

/** A non-2xx answer, with the API's Status message and causes. */
export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly causes: StatusCause[],
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

type KObject = Record<string, unknown>;

interface Reply {
  status: number;
  body: string;
}

async function send(
  kc: KubeConfig,
  method: string,
  path: string,
  body?: { type: string; text: string },
  deadline?: Deadline,
  timeoutMs = 15_000,
): Promise<Reply> {
  deadline?.signal.throwIfAborted();
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig has no current cluster');
  const url = new URL(cluster.server.replace(/\/+$/, '') + path);
  const opts: https.RequestOptions = { method, headers: { Accept: 'application/json' }, timeout: timeoutMs };
  await kc.applyToHTTPSOptions(opts);
  if (body) {
    opts.headers = {
      ...opts.headers,
      'Content-Type': body.type,
      'Content-Length': Buffer.byteLength(body.text),
    };
  }
  if (cluster.tlsServerName) opts.servername = cluster.tlsServerName;
  const lib = url.protocol === 'http:' ? http : https;
  const answered = deadline?.waiting(`${method} ${path.split('?')[0]}`);
  const reply = new Promise<Reply>((resolve, reject) => {
    const req = lib.request(url, opts, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs / 1000} s`)),
    );
    req.on('error', reject);
    const stop = () => req.destroy(deadline?.signal.reason as Error);
    deadline?.signal.addEventListener('abort', stop, { once: true });
    req.on('close', () => deadline?.signal.removeEventListener('abort', stop));
    req.end(body?.text);
  });
  return reply.finally(() => answered?.());
}

function apiError(reply: Reply, what: string): KubeApiError {
  let message = reply.body.trim().slice(0, 500);
  let reason = '';
  let causes: StatusCause[] = [];
  try {
    const status = JSON.parse(reply.body) as {
      message?: unknown;
      reason?: unknown;
      details?: { causes?: { field?: unknown; message?: unknown; reason?: unknown }[] };
    };
    if (typeof status.message === 'string') message = status.message;
    if (typeof status.reason === 'string') reason = status.reason;
    causes = (status.details?.causes ?? []).map((c) => ({
      field: typeof c.field === 'string' ? c.field : undefined,
      message: typeof c.message === 'string' ? c.message : '',
      reason: typeof c.reason === 'string' ? c.reason : undefined,
    }));
  } catch {
    // not a Status object: keep the text
  }
  return new KubeApiError(reply.status, reason, `${what}: ${message || `HTTP ${reply.status}`}`, causes);
}

function parse(reply: Reply, what: string): KObject {
  if (reply.status < 200 || reply.status >= 300) throw apiError(reply, what);
  try {
    return JSON.parse(reply.body) as KObject;
  } catch {
    throw new Error(`${what}: the server sent something that is not JSON`);
  }
}

const groupVersionPath = (t: { group: string; version: string }) =>
  t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;

interface Resource {
  plural: string;
  namespaced: boolean;
}

/** Discovery per KubeConfig and group/version, kept for the life of the KubeConfig. */
const discovery = new WeakMap<KubeConfig, Map<string, Promise<Map<string, Resource>>>>();

async function resourceOf(kc: KubeConfig, t: ObjectTarget, deadline?: Deadline): Promise<Resource> {
  let perKc = discovery.get(kc);
  if (!perKc) discovery.set(kc, (perKc = new Map()));
  const gv = groupVersionPath(t);
  let kinds = perKc.get(gv);
  if (!kinds) {
    kinds = send(kc, 'GET', gv, undefined, deadline).then((reply) => {
      const list = parse(reply, `discovery of ${gv}`) as {
        resources?: { name: string; kind: string; namespaced: boolean }[];
      };
      const map = new Map<string, Resource>();
      for (const r of list.resources ?? []) {
        if (!r.name.includes('/')) map.set(r.kind, { plural: r.name, namespaced: r.namespaced });
      }
      return map;
    });
    kinds.catch(() => perKc.delete(gv));
    perKc.set(gv, kinds);
  }
  // a discovery another call started is waited on under this call's deadline too
  const answered = deadline?.waiting(`GET ${gv}`);
  const found = (await kinds.finally(() => answered?.())).get(t.kind);
  if (!found) {
    throw new KubeApiError(404, 'NotFound', `the server does not serve ${t.kind} in ${gv.slice(1)}`, []);
  }
  return found;
}

async function objectPath(kc: KubeConfig, t: ObjectTarget, deadline?: Deadline): Promise<string> {
  const r = await resourceOf(kc, t, deadline);
  const ns = r.namespaced ? `/namespaces/${encodeURIComponent(t.namespace || 'default')}` : '';
  return `${groupVersionPath(t)}${ns}/${r.plural}/${encodeURIComponent(t.name)}`;
}

const label = (t: ObjectTarget) => `${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;

export interface ApplyOptions {
  dryRun: boolean;
  force: boolean;
}

export interface KubeObjects {
  /** The object as the API server has it now (never the cache). */
  get(t: ObjectTarget): Promise<KObject>;
  /** Server-side apply of a full configuration with field manager "flotilla". */
  apply(t: ObjectTarget, config: KObject, options: ApplyOptions): Promise<KObject>;
  /** Deletes the object (background propagation), optionally only as a dry run. */
  remove(t: ObjectTarget, options: { dryRun: boolean }): Promise<void>;
  /** Whether the user may perform `verb` on the object (SelfSubjectAccessReview). */
  allowed(t: ObjectTarget, verb: 'patch' | 'delete'): Promise<boolean>;
}

/**
 * The object calls on one cluster. With a `deadline`, every request marks what it waits on and is
 * aborted when the deadline passes (see withDeadline).
 */
export function kubeObjects(kc: KubeConfig, deadline?: Deadline): KubeObjects {
  return {
    async get(t) {
      const path = await objectPath(kc, t, deadline);
      return parse(await send(kc, 'GET', path, undefined, deadline), `get ${label(t)}`);
    },
    async apply(t, config, { dryRun, force }) {
      const path = await objectPath(kc, t, deadline);
      // Strict: the API server checks the YAML against its own schema and names unknown or duplicate fields.
      const q = new URLSearchParams({ fieldManager: FIELD_MANAGER, fieldValidation: 'Strict' });
      if (force) q.set('force', 'true');
      if (dryRun) q.set('dryRun', 'All');
      const reply = await send(
        kc,
        'PATCH',
        `${path}?${q}`,
        { type: 'application/apply-patch+yaml', text: JSON.stringify(config) },
        deadline,
      );
      return parse(reply, `${dryRun ? 'dry run of apply' : 'apply'} ${label(t)}`);
    },
    async remove(t, { dryRun }) {
      const path = await objectPath(kc, t, deadline);
      const body = JSON.stringify({
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        propagationPolicy: 'Background',
        ...(dryRun ? { dryRun: ['All'] } : {}),
      });
      const reply = await send(kc, 'DELETE', path, { type: 'application/json', text: body }, deadline);
      parse(reply, `delete ${label(t)}`);
    },
    async allowed(t, verb) {
      const r = await resourceOf(kc, t, deadline);
      const review = {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: {
          resourceAttributes: {
            group: t.group,
            version: t.version,
            resource: r.plural,
            verb,
            name: t.name,
            ...(r.namespaced ? { namespace: t.namespace || 'default' } : {}),
          },
        },
      };
      const reply = await send(
        kc,
        'POST',
        '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        { type: 'application/json', text: JSON.stringify(review) },
        deadline,
      );
      const answer = parse(reply, `access review for ${verb} ${label(t)}`) as {
        status?: { allowed?: boolean };
      };
      return answer.status?.allowed === true;
    },
  };
}
