import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClusterPki, type ClusterPki } from '../../sim/pki';
import { classifyError } from './classify';
import { buildKubeConfig, type ConnectionSpec } from './kubeconfig';
import { kubeRequest } from './request';

/** Real failures, produced by pointing the client at real sockets, classified. */
let pki: ClusterPki;
let otherPki: ClusterPki;
let server: https.Server;
let silent: net.Server;
let port = 0;
let silentPort = 0;

beforeAll(async () => {
  [pki, otherPki] = await Promise.all([createClusterPki('one'), createClusterPki('other')]);
  server = https.createServer({ cert: pki.server.cert, key: pki.server.key }, (req, res) => {
    const status = req.url?.startsWith('/status/') ? Number(req.url.split('/')[2]) : 200;
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify(
        status === 200
          ? { gitVersion: 'v1.30.0' }
          : { kind: 'Status', message: `said ${status}`, reason: 'X' },
      ),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  silent = net.createServer(() => {}); // accepts and never answers
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentPort = (silent.address() as AddressInfo).port;
});
afterAll(() => {
  server?.close();
  silent?.close();
});

function spec(
  serverUrl: string,
  caPem: string | undefined,
  extra: Partial<ConnectionSpec['cluster']> = {},
): ConnectionSpec {
  return {
    context: 'test',
    cluster: { name: 'c', server: serverUrl, caPem, insecureSkipTlsVerify: false, ...extra },
    user: { name: 'u', token: 'secret-token' },
  };
}

async function failure(s: ConnectionSpec, path = '/version', timeoutMs = 3000) {
  const kc = buildKubeConfig(s, { approved: new Set() });
  try {
    await kubeRequest(kc, path, { timeoutMs });
  } catch (error) {
    return classifyError(error, s.cluster.server);
  }
  throw new Error('the request succeeded');
}

async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const p = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

describe('classifyError with real failures', () => {
  it('succeeds against the right CA (the fixture works)', async () => {
    const kc = buildKubeConfig(spec(`https://127.0.0.1:${port}`, pki.ca.cert), { approved: new Set() });
    await expect(kubeRequest(kc, '/version')).resolves.toEqual({ gitVersion: 'v1.30.0' });
  });

  it('refused connection', async () => {
    const c = await failure(spec(`https://127.0.0.1:${await closedPort()}`, pki.ca.cert));
    expect(c.failure).toBe('refused');
    expect(c.message).toMatch(/refused the connection/);
  });

  it('DNS failure', async () => {
    const c = await failure(spec('https://no-such-cluster.invalid:6443', pki.ca.cert));
    expect(c.failure).toBe('dns');
    expect(c.message).toContain('no-such-cluster.invalid could not be resolved');
  });

  it('a server certificate from another CA', async () => {
    const c = await failure(spec(`https://127.0.0.1:${port}`, otherPki.ca.cert));
    expect(c.failure).toBe('tls');
    expect(c.message).toMatch(/not signed by the certificate authority|does not trust/);
  });

  it('a certificate that does not name the host', async () => {
    const c = await failure(
      spec(`https://127.0.0.1:${port}`, pki.ca.cert, { tlsServerName: 'elsewhere.example' }),
    );
    expect(c.failure).toBe('tls');
    expect(c.message).toMatch(/does not name this host/);
  });

  it.each([
    [401, 'unauthorized', /rejected the credentials/],
    [403, 'forbidden', /not allowed.*said 403/],
    [429, 'rate-limited', /rate-limiting/],
    [500, 'server', /answered with an error.*said 500/],
  ])('HTTP %i', async (status, kind, message) => {
    const c = await failure(spec(`https://127.0.0.1:${port}`, pki.ca.cert), `/status/${status}`);
    expect(c.failure).toBe(kind);
    expect(c.message).toMatch(message);
  });

  it('timeout from a server that never answers', async () => {
    const c = await failure(spec(`https://127.0.0.1:${silentPort}`, pki.ca.cert), '/version', 400);
    expect(c.failure).toBe('timeout');
    expect(c.message).toMatch(/did not answer within 0.4 s/);
  });

  it('messages never carry the token', async () => {
    const c = await failure(spec(`https://127.0.0.1:${port}`, pki.ca.cert), '/status/401');
    expect(JSON.stringify(c)).not.toContain('secret-token');
  });
});
