/**
 * Kubeconfigs → client-node → a real HTTPS server that checks client certificates and
 * bearer tokens: CA data and CA files, client certificate files relative to the
 * kubeconfig, tls-server-name, insecure-skip-tls-verify, and a wrong CA refused.
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKubeConfig, toConnectionSpec } from './client';
import { loadKubeconfigFile } from './discover';
import { mergeKubeconfigs } from './merge';
import { resolveContext } from './validate';
import { b64, tempDir, writeFiles } from './testing/fixtures';
import { createTestCa } from './testing/pki';

let dir = '';
let cleanup = () => {};
let server: https.Server;
let port = 0;
const seen: string[] = [];
let kubeconfig = '';

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const ca = await createTestCa('flotilla-test-ca');
  const otherCa = await createTestCa('someone-else');
  // valid for 127.0.0.1 and api.internal, NOT for localhost
  const serverCert = await ca.server(['ip:127.0.0.1', 'api.internal']);
  const jane = await ca.client('jane');
  server = https.createServer(
    {
      cert: serverCert.cert,
      key: serverCert.key,
      ca: ca.ca.cert,
      requestCert: true,
      rejectUnauthorized: false,
    },
    (req, res) => {
      const socket = req.socket as TLSSocket;
      const peer = socket.getPeerCertificate();
      const who =
        socket.authorized && peer?.subject?.CN
          ? `cert:${peer.subject.CN}`
          : req.headers.authorization
            ? `bearer:${req.headers.authorization.slice(7)}`
            : '';
      seen.push(who);
      if (!who) {
        res.statusCode = 401;
        res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code: 401 }));
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          kind: 'NamespaceList',
          apiVersion: 'v1',
          metadata: {},
          items: [{ metadata: { name: who } }],
        }),
      );
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  const files = writeFiles(dir, {
    'kube/pki/ca.crt': ca.ca.cert,
    'kube/pki/jane.crt': jane.cert,
    'kube/pki/jane.key': jane.key,
    'kube/config': `apiVersion: v1
kind: Config
clusters:
- name: by-ip
  cluster: {server: "https://127.0.0.1:${port}", certificate-authority: pki/ca.crt}
- name: by-name
  cluster: {server: "https://localhost:${port}", certificate-authority-data: ${b64(ca.ca.cert)}, tls-server-name: api.internal}
- name: by-name-no-sni
  cluster: {server: "https://localhost:${port}", certificate-authority-data: ${b64(ca.ca.cert)}}
- name: wrong-ca
  cluster: {server: "https://127.0.0.1:${port}", certificate-authority-data: ${b64(otherCa.ca.cert)}}
- name: insecure
  cluster: {server: "https://127.0.0.1:${port}", insecure-skip-tls-verify: true}
users:
- name: jane
  user: {client-certificate: pki/jane.crt, client-key: pki/jane.key}
- name: robot
  user: {token: robot-token}
contexts:
- {name: cert, context: {cluster: by-ip, user: jane}}
- {name: token, context: {cluster: by-ip, user: robot}}
- {name: server-name, context: {cluster: by-name, user: robot}}
- {name: no-server-name, context: {cluster: by-name-no-sni, user: robot}}
- {name: wrong-ca, context: {cluster: wrong-ca, user: robot}}
- {name: insecure, context: {cluster: insecure, user: robot}}
`,
  });
  kubeconfig = files['kube/config']!;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  cleanup();
});

async function list(context: string): Promise<string[]> {
  const merged = mergeKubeconfigs([loadKubeconfigFile(kubeconfig)]);
  const ctx = resolveContext(merged, context);
  expect(ctx.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const kc = buildKubeConfig(toConnectionSpec(ctx), { approved: new Set() });
  const result = await kc.makeApiClient(CoreV1Api).listNamespace();
  return result.items.map((n) => n.metadata?.name ?? '');
}

describe('TLS through client-node', () => {
  it('authenticates with a client certificate from files relative to the kubeconfig, CA from a file', async () => {
    expect(await list('cert')).toEqual(['cert:jane']);
  });

  it('authenticates with a bearer token', async () => {
    expect(await list('token')).toEqual(['bearer:robot-token']);
  });

  it('verifies the server as tls-server-name when set, and refuses the mismatching host name without it', async () => {
    expect(await list('server-name')).toEqual(['bearer:robot-token']);
    await expect(list('no-server-name')).rejects.toThrow(/altnames|localhost|ERR_TLS_CERT_ALTNAME_INVALID/i);
  });

  it('refuses a server certificate from another CA, and skips the check when told to', async () => {
    await expect(list('wrong-ca')).rejects.toThrow(/certificate|self.signed|verify/i);
    expect(await list('insecure')).toEqual(['bearer:robot-token']);
  });

  it('never sent the token to the server it could not verify', () => {
    expect(seen.filter((s) => s === 'bearer:robot-token').length).toBe(3);
  });
});
