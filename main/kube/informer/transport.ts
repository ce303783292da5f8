import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '../../../shared/objects/types';
import { scanList, type ListItems, type ScannedList } from './list-body';

/**
 * List and watch over HTTP(S) for one cluster. Authentication and TLS come from
 * @kubernetes/client-node (`applyToHTTPSOptions`: tokens, client certificates, approved exec
 * plugins, proxies); requests go through Node's http(s) with a keep-alive agent per cluster so
 * paginated lists reuse connections, and watch streams are parsed line by line as they arrive.
 */

export const METADATA_ACCEPT =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';
const JSON_ACCEPT = 'application/json';

export interface ListPage {
  /** The page's objects; from the network they are parsed one at a time as they are read. */
  items: ListItems;
  resourceVersion: string;
  continue?: string;
  /** The server's estimate of items after this page (metadata.remainingItemCount). */
  remaining?: number;
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject;
}

/** A failed request: the HTTP status and the API's reason when it sent a Status. */
export class KubeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'KubeHttpError';
  }
}

export interface RequestOptions {
  metadataOnly?: boolean;
  signal?: AbortSignal;
  /** Whole-request limit for lists; no-data limit for watches. */
  timeoutMs?: number;
  /** Limit for the server's first answer (status line and headers); a silent server fails after it. */
  openTimeoutMs?: number;
  /** Watches: called once the server accepted the watch (HTTP 200), before any event. */
  onOpen?: () => void;
}

export interface Transport {
  list(path: string, params: Record<string, string>, options?: RequestOptions): Promise<ListPage>;
  /** Streams events until the server ends the watch (resolves) or it fails (rejects). */
  watch(
    path: string,
    params: Record<string, string>,
    onEvent: (event: WatchEvent) => void,
    options?: RequestOptions,
  ): Promise<void>;
  close(): void;
}

function statusError(
  status: number,
  body: string,
  headers: http.IncomingHttpHeaders,
  what: string,
): KubeHttpError {
  let reason = http.STATUS_CODES[status] ?? 'Error';
  let message = `${what}: HTTP ${status}`;
  try {
    const parsed = JSON.parse(body) as { reason?: string; message?: string };
    if (parsed.reason) reason = parsed.reason;
    if (parsed.message) message = `${what}: ${parsed.message} (HTTP ${status})`;
  } catch {
    if (body.trim()) message = `${what}: HTTP ${status} ${body.trim().slice(0, 200)}`;
  }
  const retry = Number(headers['retry-after']);
  return new KubeHttpError(
    status,
    reason,
    message,
    Number.isFinite(retry) && retry > 0 ? retry * 1000 : undefined,
  );
}

const tlsFields = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'servername', 'rejectUnauthorized'] as const;

export function createTransport(kc: KubeConfig): Transport {
  const agents = new Map<string, http.Agent>();
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`kubeconfig context "${kc.getCurrentContext()}" names no cluster`);
  const server = cluster.server.replace(/\/+$/, '');
  const plain = server.startsWith('http:');

  /** One keep-alive agent per distinct TLS material (client certs from exec plugins may rotate). */
  const agentFor = (opts: https.RequestOptions): http.Agent | undefined => {
    if (cluster.proxyUrl) return opts.agent as http.Agent | undefined;
    const hash = createHash('sha256');
    for (const f of tlsFields) hash.update(`${f}:${String(opts[f] ?? '')}\n`);
    const key = hash.digest('hex');
    let agent = agents.get(key);
    if (!agent) {
      for (const old of agents.values()) old.destroy();
      agents.clear();
      const tls: https.AgentOptions = { keepAlive: true, keepAliveMsecs: 30_000, maxSockets: 64 };
      for (const f of tlsFields) if (opts[f] !== undefined) Object.assign(tls, { [f]: opts[f] });
      agent = plain ? new http.Agent(tls) : new https.Agent(tls);
      agents.set(key, agent);
    }
    return agent;
  };

  const open = async (
    path: string,
    params: Record<string, string>,
    accept: string,
    options: RequestOptions,
  ): Promise<{ req: http.ClientRequest; res: http.IncomingMessage; what: string }> => {
    const url = new URL(server + path);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const what = `GET ${url.pathname}`;
    const opts: https.RequestOptions = {
      method: 'GET',
      headers: { Accept: accept, 'User-Agent': 'flotilla' },
    };
    await kc.applyToHTTPSOptions(opts);
    const agent = agentFor(opts);
    return new Promise((resolve, reject) => {
      let opening: NodeJS.Timeout | undefined;
      const req = (plain ? http : https).request(url, { ...opts, agent, signal: options.signal }, (res) => {
        clearTimeout(opening);
        resolve({ req, res, what });
      });
      req.on('error', (error) => {
        clearTimeout(opening);
        reject(error);
      });
      if (options.openTimeoutMs) {
        const ms = options.openTimeoutMs;
        opening = setTimeout(
          () => req.destroy(new KubeHttpError(0, 'Timeout', `${what}: no answer within ${ms} ms`)),
          ms,
        );
      }
      if (options.timeoutMs) {
        req.setTimeout(options.timeoutMs, () =>
          req.destroy(new KubeHttpError(0, 'Timeout', `${what}: no answer within ${options.timeoutMs} ms`)),
        );
      }
      req.end();
    });
  };

  const readBytes = (res: http.IncomingMessage): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('the connection closed before the answer was complete')));
    });
  const readAll = async (res: http.IncomingMessage): Promise<string> =>
    (await readBytes(res)).toString('utf8');

  return {
    async list(path, params, options = {}) {
      const { res, what } = await open(
        path,
        params,
        options.metadataOnly ? METADATA_ACCEPT : JSON_ACCEPT,
        options,
      );
      const bytes = await readBytes(res);
      if (res.statusCode !== 200)
        throw statusError(res.statusCode ?? 0, bytes.toString('utf8'), res.headers, what);
      // items are parsed one at a time as the writer reads them (see list-body.ts)
      let parsed: ScannedList | undefined = scanList(bytes, what);
      if (!parsed) {
        let whole: { items?: unknown; metadata?: ScannedList['metadata'] };
        try {
          whole = JSON.parse(bytes.toString('utf8')) as typeof whole;
        } catch (error) {
          throw new KubeHttpError(
            0,
            'BadResponse',
            `${what}: the answer is not JSON (${(error as Error).message})`,
          );
        }
        parsed = {
          metadata: whole.metadata ?? {},
          items: Array.isArray(whole.items) ? (whole.items as KubeObject[]) : [],
        };
      }
      const items = parsed.items;
      return {
        items,
        resourceVersion: parsed.metadata?.resourceVersion ?? '',
        continue: parsed.metadata?.continue || undefined,
        remaining:
          typeof parsed.metadata?.remainingItemCount === 'number'
            ? parsed.metadata.remainingItemCount
            : undefined,
      };
    },

    async watch(path, params, onEvent, options = {}) {
      const { req, res, what } = await open(
        path,
        { ...params, watch: 'true' },
        options.metadataOnly ? METADATA_ACCEPT : JSON_ACCEPT,
        { signal: options.signal, openTimeoutMs: options.openTimeoutMs },
      );
      if (res.statusCode !== 200)
        throw statusError(res.statusCode ?? 0, await readAll(res), res.headers, what);
      res.socket?.setKeepAlive(true, 30_000);
      options.onOpen?.();
      await new Promise<void>((resolve, reject) => {
        let rest = '';
        let idle: NodeJS.Timeout | undefined;
        const arm = () => {
          if (!options.timeoutMs) return;
          clearTimeout(idle);
          idle = setTimeout(() => {
            req.destroy();
            finish(
              new KubeHttpError(0, 'Timeout', `${what}: the watch sent nothing for ${options.timeoutMs} ms`),
            );
          }, options.timeoutMs);
        };
        let done = false;
        const finish = (error?: unknown) => {
          if (done) return;
          done = true;
          clearTimeout(idle);
          if (error && !options.signal?.aborted) reject(error);
          else resolve();
        };
        arm();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          arm();
          rest += chunk;
          let nl = rest.indexOf('\n');
          while (nl >= 0) {
            const line = rest.slice(0, nl).trim();
            rest = rest.slice(nl + 1);
            if (line) {
              let event: WatchEvent;
              try {
                event = JSON.parse(line) as WatchEvent;
              } catch {
                req.destroy();
                return finish(new KubeHttpError(0, 'BadResponse', `${what}: a watch event is not JSON`));
              }
              try {
                onEvent(event);
              } catch (error) {
                req.destroy();
                return finish(error);
              }
            }
            nl = rest.indexOf('\n');
          }
        });
        res.on('end', () => finish());
        res.on('error', (e) => finish(e));
        res.on('aborted', () => finish(new Error(`${what}: the watch connection was cut`)));
        res.on('close', () => finish(done ? undefined : new Error(`${what}: the watch connection was cut`)));
      });
    },

    close() {
      for (const agent of agents.values()) agent.destroy();
      agents.clear();
    },
  };
}
