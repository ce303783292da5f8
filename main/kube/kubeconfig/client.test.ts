import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CoreV1Api } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildKubeConfig, toConnectionSpec } from './client';
import { KubeconfigError } from './errors';
import { pluginApproval } from './exec-command';
import { mergeKubeconfigs } from './merge';
import { parseKubeconfig } from './parse';
import { resolveContext } from './validate';
import { b64, caPem, certPem, keyPem, tempDir, writeFiles } from './testing/fixtures';

let dir = '';
let cleanup = () => {};
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function load(text: string, context: string) {
  const file = path.join(dir, 'config');
  fs.writeFileSync(file, text);
  const merged = mergeKubeconfigs([parseKubeconfig(text, { source: file, baseDir: dir })]);
  return resolveContext(merged, context);
}

/** A plain-HTTP API stand-in that records the Authorization header of each request. */
async function apiServer(): Promise<{ url: string; auth: string[]; close: () => Promise<void> }> {
  const auth: string[] = [];
  const server = http.createServer((req, res) => {
    auth.push(req.headers.authorization ?? '');
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'NamespaceList',
        metadata: {},
        items: [{ metadata: { name: 'default' } }],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, auth, close: () => new Promise((r) => server.close(() => r())) };
}

describe('client-node KubeConfig from the model', () => {
  it('carries server, CA, tls-server-name, proxy-url, client certificate and namespace', () => {
    const ctx = load(
      `clusters:
- name: c
  cluster:
    server: https://10.1.2.3:6443
    certificate-authority-data: ${b64(caPem)}
    tls-server-name: api.internal
    proxy-url: http://proxy.local:3128
users:
- name: u
  user: {client-certificate-data: ${b64(certPem)}, client-key-data: ${b64(keyPem)}, as: jane}
contexts:
- name: ctx
  context: {cluster: c, user: u, namespace: apps}
`,
      'ctx',
    );
    const kc = buildKubeConfig(toConnectionSpec(ctx), { approved: new Set() });
    expect(kc.getCurrentContext()).toBe('ctx');
    expect(kc.getContextObject('ctx')?.namespace).toBe('apps');
    expect(kc.getCurrentCluster()).toMatchObject({
      server: 'https://10.1.2.3:6443',
      tlsServerName: 'api.internal',
      proxyUrl: 'http://proxy.local:3128',
      skipTLSVerify: false,
    });
    expect(Buffer.from(kc.getCurrentCluster()!.caData!, 'base64').toString()).toBe(caPem);
    expect(Buffer.from(kc.getCurrentUser()!.keyData!, 'base64').toString()).toBe(keyPem);
    expect(kc.getCurrentUser()!.impersonateUser).toBe('jane');
  });

  it('refuses to build a broken context', () => {
    const ctx = load('contexts:\n- name: ctx\n  context: {cluster: nowhere}\n', 'ctx');
    expect(() => toConnectionSpec(ctx)).toThrow(
      /context "ctx" cannot be attached: context "ctx" refers to cluster "nowhere"/,
    );
  });

  it('sends the token (read from tokenFile at connect time) through the real client', async () => {
    const api = await apiServer();
    try {
      writeFiles(dir, { 'token.txt': 'first-token\n' });
      const ctx = load(
        `clusters: [{name: c, cluster: {server: '${api.url}'}}]\nusers: [{name: u, user: {tokenFile: token.txt}}]\ncontexts: [{name: ctx, context: {cluster: c, user: u}}]\n`,
        'ctx',
      );
      const spec = toConnectionSpec(ctx);
      expect(JSON.stringify(spec)).not.toContain('first-token'); // the vault keeps the path, not a stale token
      const list1 = await buildKubeConfig(spec, { approved: new Set() })
        .makeApiClient(CoreV1Api)
        .listNamespace();
      expect(list1.items.map((n) => n.metadata?.name)).toEqual(['default']);
      fs.writeFileSync(path.join(dir, 'token.txt'), 'rotated-token');
      await buildKubeConfig(spec, { approved: new Set() }).makeApiClient(CoreV1Api).listNamespace();
      expect(api.auth).toEqual(['Bearer first-token', 'Bearer rotated-token']);
    } finally {
      await api.close();
    }
  });

  it('runs an exec plugin only once its exact command is approved', async () => {
    const api = await apiServer();
    try {
      const marker = path.join(dir, 'ran');
      writeFiles(dir, {
        'bin/get-token': `#!/bin/sh\ntouch "${marker}"\necho '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"'"$PREFIX"'-'"$1"'"}}'\n`,
      });
      fs.chmodSync(path.join(dir, 'bin/get-token'), 0o755);
      const ctx = load(
        `clusters: [{name: c, cluster: {server: '${api.url}'}}]
users:
- name: u
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/get-token
      args: [arg1]
      env: [{name: PREFIX, value: from-exec}]
      interactiveMode: Never
contexts: [{name: ctx, context: {cluster: c, user: u}}]
`,
        'ctx',
      );
      expect(ctx.ok).toBe(true);
      const spec = toConnectionSpec(ctx);
      const approval = pluginApproval(ctx.user, new Set());
      expect(approval).toMatchObject({ required: true, approved: false });
      expect(ctx.command!.commandLine).toBe(`env PREFIX=from-exec ${path.join(dir, 'bin/get-token')} arg1`);

      let refused: unknown;
      try {
        buildKubeConfig(spec, { approved: new Set(['some-other-fingerprint']) });
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(KubeconfigError);
      expect((refused as KubeconfigError).code).toBe('NOT_APPROVED');
      expect((refused as KubeconfigError).message).toContain(ctx.command!.commandLine);
      expect(fs.existsSync(marker)).toBe(false);

      const approved = new Set([ctx.command!.fingerprint]);
      expect(pluginApproval(ctx.user, approved)).toMatchObject({ required: true, approved: true });
      await buildKubeConfig(spec, { approved }).makeApiClient(CoreV1Api).listNamespace();
      expect(api.auth).toEqual(['Bearer from-exec-arg1']);
      expect(fs.existsSync(marker)).toBe(true);
    } finally {
      await api.close();
    }
  });

  it('needs no approval without a plugin', () => {
    const ctx = load(
      'clusters: [{name: c, cluster: {server: "https://k:1"}}]\nusers: [{name: u, user: {token: t}}]\ncontexts: [{name: ctx, context: {cluster: c, user: u}}]\n',
      'ctx',
    );
    expect(pluginApproval(ctx.user, new Set())).toEqual({ required: false });
  });
});
