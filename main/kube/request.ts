import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/** An HTTP answer other than 2xx, with the API's Status message when it sent one. */
export class KubeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'KubeHttpError';
  }
}

/** No answer within the time allowed. */
export class KubeTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(readonly ms: number) {
    super(`no answer within ${ms / 1000} s`);
    this.name = 'KubeTimeoutError';
  }
}

/**
 * One keep-alive agent per cluster connection, with the TLS material the client library put
 * on the request options, so a fleet's polls reuse connections instead of a TLS handshake
 * per request. Proxied clusters keep the library's own (proxy) agent.
 */
const agents = new WeakMap<KubeConfig, https.Agent>();

function keepAliveAgent(kc: KubeConfig, opts: https.RequestOptions): https.Agent {
  let agent = agents.get(kc);
  if (!agent) {
    agent = new https.Agent({
      ca: opts.ca,
      cert: opts.cert,
      key: opts.key,
      pfx: opts.pfx,
      passphrase: opts.passphrase,
      rejectUnauthorized: opts.rejectUnauthorized,
      servername: opts.servername,
      keepAlive: true,
      maxSockets: 6,
    });
    agents.set(kc, agent);
  }
  return agent;
}

/** Closes the pooled connections of a cluster (on detach, reconnect or quit). */
export function releaseAgent(kc: KubeConfig): void {
  agents.get(kc)?.destroy();
  agents.delete(kc);
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  timeoutMs?: number;
  /** Answers that are not JSON (e.g. /livez?verbose) come back as text. */
  text?: boolean;
}

/**
 * One request to the cluster of a single-context KubeConfig, authenticated by the client
 * library (certificates, tokens, approved exec plugins, proxy), with a hard deadline that
 * covers the credential plugin, connect, TLS and the body.
 */
export async function kubeRequest(
  kc: KubeConfig,
  path: string,
  options: RequestOptions = {},
): Promise<unknown> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('the kubeconfig has no current cluster');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const url = new URL(cluster.server.replace(/\/+$/, '') + path);
  let timer: NodeJS.Timeout | undefined;
  let req: http.ClientRequest | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new KubeTimeoutError(timeoutMs);
      req?.destroy(error);
      reject(error);
    }, timeoutMs);
  });
  const work = (async () => {
    const opts: https.RequestOptions = {
      method: options.method ?? 'GET',
      headers: { Accept: 'application/json' },
    };
    await kc.applyToHTTPSOptions(opts);
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (payload !== undefined) {
      opts.headers = {
        ...opts.headers,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(payload),
      };
    }
    if (cluster.tlsServerName) opts.servername = cluster.tlsServerName;
    if (url.protocol === 'https:' && !cluster.proxyUrl) opts.agent = keepAliveAgent(kc, opts);
    const lib = url.protocol === 'http:' ? http : https;
    return await new Promise<unknown>((resolve, reject) => {
      req = lib.request(url, opts, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            reject(httpError(status, body, path));
            return;
          }
          if (options.text) resolve(body);
          else {
            try {
              resolve(JSON.parse(body));
            } catch {
              reject(new Error(`${path}: the server sent something that is not JSON`));
            }
          }
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  })();
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    work.catch(() => {});
  }
}

function httpError(status: number, body: string, path: string): KubeHttpError {
  let message = body.trim().slice(0, 300);
  let reason = '';
  try {
    const parsed = JSON.parse(body) as { message?: unknown; reason?: unknown };
    if (typeof parsed.message === 'string') message = parsed.message;
    if (typeof parsed.reason === 'string') reason = parsed.reason;
  } catch {
    // not a Status object; keep the text
  }
  return new KubeHttpError(status, reason, `${path}: HTTP ${status}${message ? `: ${message}` : ''}`);
}

/** Lists every item of a collection, following `continue` in pages. */
export async function listAll(
  kc: KubeConfig,
  path: string,
  timeoutMs: number,
  pageSize = 500,
): Promise<unknown[]> {
  const items: unknown[] = [];
  let token: string | undefined;
  const started = Date.now();
  do {
    const sep = path.includes('?') ? '&' : '?';
    const q = `${sep}limit=${pageSize}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
    const left = Math.max(1, timeoutMs - (Date.now() - started));
    const page = (await kubeRequest(kc, path + q, { timeoutMs: left })) as {
      items?: unknown[];
      metadata?: { continue?: string };
    };
    items.push(...(page.items ?? []));
    token = page.metadata?.continue || undefined;
  } while (token);
  return items;
}
