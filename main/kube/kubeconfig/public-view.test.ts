/**
 * The renderer may see a context's public view, never its credentials. For EVERY
 * kubeconfig in the corpus (and one written to hold a secret in every field), the
 * serialised views must not contain a token, password, key, certificate or
 * auth-provider secret.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKubeconfigFile } from './discover';
import { KubeconfigError } from './errors';
import { mergeKubeconfigs } from './merge';
import type { KubeconfigFile } from './model';
import { parseKubeconfig } from './parse';
import { toPublicView } from './public-view';
import { resolveContexts, type ResolvedContext } from './validate';
import { b64, caPem, certPem, corpusDir, keyPem } from './testing/fixtures';

const FOLDERS = ['client-node-js', 'fabric8-client', 'headlamp', 'k9s'];
const SECRET_PROVIDER_KEYS = ['client-secret', 'id-token', 'refresh-token', 'access-token'];
/** Words a secret may coincide with by chance (fabric8's token is literally "token"). */
const ORDINARY = new Set(['token', 'none', 'basic', 'exec']);

function corpusKubeconfigs(): KubeconfigFile[] {
  const out: KubeconfigFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (!/\.(json|pem|crt|key)$/.test(entry.name)) {
        try {
          const file = loadKubeconfigFile(abs);
          if (file.contexts.length + file.users.length + file.clusters.length > 0) out.push(file);
        } catch (error) {
          if (!(error instanceof KubeconfigError)) throw error;
        }
      }
    }
  };
  for (const folder of FOLDERS) walk(path.join(corpusDir, folder));
  return out;
}

/** Every secret a file holds, as written and as decoded. */
function secretsOf(file: KubeconfigFile, resolved: ResolvedContext[]): string[] {
  const s: (string | undefined)[] = [];
  for (const u of file.users) {
    s.push(u.token, u.password, u.clientCertificateData, u.clientKeyData);
    for (const k of SECRET_PROVIDER_KEYS) s.push(u.authProvider?.config[k]);
    // decoded too; short decodings ("fred", "-----BEGIN") coincide with names and message words
    for (const d of [u.clientCertificateData, u.clientKeyData]) {
      const decoded = d ? Buffer.from(d, 'base64').toString('utf8') : '';
      if (decoded.length >= 16) s.push(decoded);
    }
  }
  for (const c of file.clusters) s.push(c.certificateAuthorityData);
  for (const r of resolved) s.push(r.material.caPem, r.material.certPem, r.material.keyPem, r.material.token);
  return s.filter(
    (x): x is string => typeof x === 'string' && x.trim().length >= 3 && !ORDINARY.has(x.trim()),
  );
}

function leaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => leaves(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => leaves(v, out));
  return out;
}

function assertNoSecrets(file: KubeconfigFile, resolved: ResolvedContext[]) {
  const json = JSON.stringify(resolved.map(toPublicView));
  const strings = new Set(leaves(JSON.parse(json)));
  for (const secret of secretsOf(file, resolved)) {
    expect(strings.has(secret), `${file.source}: a view value equals a secret`).toBe(false);
    if (secret.length >= 8)
      expect(json.includes(secret), `${file.source}: the views contain a secret`).toBe(false);
    // a fragment of a long secret (e.g. a PEM line) must not leak either
    if (secret.length >= 64)
      expect(json.includes(secret.slice(20, 60)), `${file.source}: part of a secret leaked`).toBe(false);
  }
  expect(json).not.toMatch(/-----BEGIN [A-Z ]+-----\s*[A-Za-z0-9+/]{16}/);
  expect(json).not.toMatch(/LS0tLS1CRUdJTi/); // base64 of "-----BEGIN"
}

describe('public view of contexts', () => {
  const files = corpusKubeconfigs();

  it('finds the corpus kubeconfigs', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(files.map((f) => [path.relative(corpusDir, f.source), f] as const))(
    '%s carries no credential',
    (_name, file) => {
      const resolved = resolveContexts(mergeKubeconfigs([file]));
      assertNoSecrets(file, resolved);
      for (const view of resolved.map(toPublicView)) {
        expect(Object.keys(view).sort()).toEqual(
          expect.arrayContaining([
            'id',
            'name',
            'source',
            'authKind',
            'ok',
            'problems',
            'insecureSkipTlsVerify',
          ]),
        );
      }
    },
  );

  it('carries no credential from a kubeconfig holding one in every field', () => {
    const text = `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster:
    server: https://admin:Sup3rS3cretServerPass@k.example:6443
    proxy-url: http://proxyuser:Pr0xyPassw0rdSecret@proxy:3128
    certificate-authority-data: ${b64(caPem)}
users:
- name: token-user
  user: {token: tok-0123456789abcdefghijklmnop}
- name: basic-user
  user: {username: admin, password: Passw0rd-Not-For-Eyes}
- name: cert-user
  user: {client-certificate-data: ${b64(certPem)}, client-key-data: ${b64(keyPem)}}
- name: oidc-user
  user:
    auth-provider:
      name: oidc
      config: {idp-issuer-url: 'https://issuer', client-id: kube, client-secret: Cl1entS3cretValue, id-token: IdT0kenValue.x.y, refresh-token: RefreshT0kenValue}
- name: bad-base64
  user: {token: "12345678901234567890", client-certificate-data: "not base64 SECRETPIECE", client-key-data: "also@@bad@@SECRETPIECE2"}
contexts:
- {name: a, context: {cluster: c, user: token-user}}
- {name: b, context: {cluster: c, user: basic-user}}
- {name: d, context: {cluster: c, user: cert-user}}
- {name: e, context: {cluster: c, user: oidc-user}}
- {name: f, context: {cluster: c, user: bad-base64}}
`;
    const file = parseKubeconfig(text, { source: '/virtual/config', baseDir: '/virtual' });
    const resolved = resolveContexts(mergeKubeconfigs([file]));
    expect(resolved.map((r) => r.auth.kind)).toEqual([
      'token',
      'basic',
      'client-certificate',
      'auth-provider',
      'token',
    ]);
    assertNoSecrets(file, resolved);
    const json = JSON.stringify(resolved.map(toPublicView));
    for (const s of ['Sup3rS3cretServerPass', 'Pr0xyPassw0rdSecret', 'SECRETPIECE'])
      expect(json).not.toContain(s);
    expect(toPublicView(resolved[0]!).server).toBe('https://k.example:6443');
    expect(toPublicView(resolved[0]!).proxyUrl).toBe('http://proxy:3128');
  });
});
