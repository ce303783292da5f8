import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubeconfigError } from './errors';
import { mergeKubeconfigs } from './merge';
import { parseKubeconfig } from './parse';
import { resolveContext, type ResolvedContext } from './validate';
import { b64, caPem, certPem, keyPem, otherCertPem, tempDir, writeFiles } from './testing/fixtures';

let dir = '';
let cleanup = () => {};
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** One cluster "c", one user "u" with the given body, one context "x". */
function config(user: string, cluster = '    server: https://k.example:6443\n', extraContext = ''): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: c
  cluster:
${cluster}users:
- name: u
  user:
${user}contexts:
- name: x
  context:
    cluster: c
    user: u
${extraContext}`;
}

function resolve(text: string, file = path.join(dir, 'config')): ResolvedContext {
  fs.writeFileSync(file, text);
  const parsed = parseKubeconfig(text, { source: file, baseDir: path.dirname(file) });
  return resolveContext(mergeKubeconfigs([parsed]), 'x', { now: new Date('2026-12-04T00:00:00Z') });
}

const errorsOf = (r: ResolvedContext) => r.problems.filter((p) => p.severity === 'error');
const fieldsOf = (r: ResolvedContext) => errorsOf(r).map((p) => p.field);

describe('exec plugins', () => {
  it('accepts v1 with interactiveMode, env, args and installHint, and describes the exact command line', () => {
    const r = resolve(
      config(`    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: flotilla-test-no-such-aws
      args: [eks, get-token, --cluster-name, "prod cluster"]
      env:
      - {name: AWS_PROFILE, value: prod}
      installHint: "Install the AWS CLI: https://aws.amazon.com/cli/"
      interactiveMode: Never
`),
    );
    expect(r.auth.kind).toBe('exec');
    expect(fieldsOf(r)).toEqual([]);
    expect(r.command!.commandLine).toBe(
      "env AWS_PROFILE=prod flotilla-test-no-such-aws eks get-token --cluster-name 'prod cluster'",
    );
    expect(r.command!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(r.command!.installHint).toContain('AWS CLI');
    // the command is not installed: a warning carrying the install hint, not an error
    const warn = r.problems.find((p) => p.field === 'exec.command');
    expect(warn?.severity).toBe('warning');
    expect(warn?.message).toContain('Install the AWS CLI');
  });

  it('accepts v1beta1 without interactiveMode (it defaults to IfAvailable)', () => {
    const r = resolve(
      config(
        `    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: gke-gcloud-auth-plugin\n`,
      ),
    );
    expect(fieldsOf(r)).toEqual([]);
    expect(r.command!.commandLine).toBe('gke-gcloud-auth-plugin');
  });

  it('refuses v1 without interactiveMode, and v1alpha1, as kubectl does', () => {
    const v1 = resolve(
      config(`    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: x\n`),
    );
    expect(fieldsOf(v1)).toEqual(['exec.interactiveMode']);
    expect(errorsOf(v1)[0]!.message).toContain('user "u" (context "x")');
    const alpha = resolve(
      config(`    exec:\n      apiVersion: client.authentication.k8s.io/v1alpha1\n      command: x\n`),
    );
    expect(fieldsOf(alpha)).toEqual(['exec.apiVersion']);
  });

  it('resolves a command containing a slash against the kubeconfig folder, leaves a bare name for PATH', () => {
    writeFiles(dir, { 'bin/get-token': '#!/bin/sh\n' });
    const rel = resolve(
      config(
        `    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: ./bin/get-token\n`,
      ),
    );
    expect(rel.user!.exec!.command).toBe(path.join(dir, 'bin/get-token'));
    expect(rel.problems.find((p) => p.field === 'exec.command')).toBeUndefined(); // it exists
    const bare = resolve(
      config(`    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: kubelogin\n`),
    );
    expect(bare.user!.exec!.command).toBe('kubelogin');
  });

  it('fingerprints change with any argument, env value or command, and are stable otherwise', () => {
    const fp = (args: string, env = 'a') =>
      resolve(
        config(
          `    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: tok\n      args: [${args}]\n      env: [{name: E, value: ${env}}]\n`,
        ),
      ).command!.fingerprint;
    expect(fp('one')).toBe(fp('one'));
    expect(fp('one')).not.toBe(fp('two'));
    expect(fp('one')).not.toBe(fp('one', 'b'));
  });
});

describe('auth-provider', () => {
  it('classifies oidc, describes it without its secrets', () => {
    const r = resolve(
      config(`    auth-provider:
      name: oidc
      config:
        idp-issuer-url: https://issuer.example
        client-id: kube
        client-secret: very-secret-client-secret
        id-token: eyJhbGciOiJSUzI1NiJ9.payload.sig
        refresh-token: refresh-me-please
`),
    );
    expect(r.auth.kind).toBe('auth-provider');
    expect(r.auth.authProvider).toEqual({ name: 'oidc', legacy: false });
    expect(fieldsOf(r)).toEqual([]);
    const shown = JSON.stringify(r.command);
    expect(shown).toContain('https://issuer.example');
    for (const secret of ['very-secret-client-secret', 'eyJhbGciOiJSUzI1NiJ9', 'refresh-me-please'])
      expect(shown).not.toContain(secret);
  });

  it('requires idp-issuer-url and client-id for oidc; warns that gcp is legacy and shows its cmd-path', () => {
    const oidc = resolve(config(`    auth-provider:\n      name: oidc\n      config: {}\n`));
    expect(fieldsOf(oidc).sort()).toEqual([
      'auth-provider.config.client-id',
      'auth-provider.config.idp-issuer-url',
    ]);
    const gcp = resolve(
      config(
        `    auth-provider:\n      name: gcp\n      config:\n        cmd-path: /usr/bin/gcloud\n        cmd-args: config config-helper --format=json\n`,
      ),
    );
    expect(fieldsOf(gcp)).toEqual([]);
    expect(gcp.auth.authProvider).toEqual({ name: 'gcp', legacy: true });
    expect(gcp.command!.commandLine).toBe('/usr/bin/gcloud config config-helper --format=json');
    expect(
      gcp.problems.some((p) => p.severity === 'warning' && p.message.includes('removed from kubectl 1.26')),
    ).toBe(true);
  });
});

describe('oidc issuer', () => {
  const oidc = (extra: string) =>
    resolve(config(`    auth-provider:\n      name: oidc\n      config:\n        client-id: kube\n${extra}`));

  it('requires an https issuer', () => {
    expect(fieldsOf(oidc('        idp-issuer-url: http://issuer.example\n'))).toEqual([
      'auth-provider.config.idp-issuer-url',
    ]);
  });

  it('warns (the token still works until it expires) when the IdP CA cannot be used, accepts a good one', () => {
    const missing = oidc(
      '        idp-issuer-url: https://issuer.example\n        idp-certificate-authority: /nonexistent/idp-ca.pem\n',
    );
    expect(missing.ok).toBe(true);
    const warning = missing.problems.find(
      (p) => p.field === 'auth-provider.config.idp-certificate-authority',
    );
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain(
      'cannot read oidc idp-certificate-authority file /nonexistent/idp-ca.pem: no such file; refreshing the ID token will fail',
    );
    const good = oidc(
      `        idp-issuer-url: https://issuer.example\n        idp-certificate-authority-data: ${b64(caPem)}\n`,
    );
    expect(good.problems).toEqual([]);
    const bad = oidc(
      '        idp-issuer-url: https://issuer.example\n        idp-certificate-authority-data: "%%%"\n',
    );
    expect(bad.problems.map((p) => [p.severity, p.field])).toEqual([
      ['warning', 'auth-provider.config.idp-certificate-authority-data'],
    ]);
  });
});

describe('cluster fields', () => {
  it('keeps proxy-url, tls-server-name and the namespace', () => {
    const r = resolve(
      config(
        `    token: t0k3n-value\n`,
        `    server: https://10.0.0.1:6443\n    proxy-url: socks5://127.0.0.1:1080\n    tls-server-name: api.internal\n    certificate-authority-data: ${b64(caPem)}\n`,
        '    namespace: team-a\n',
      ),
    );
    expect(fieldsOf(r)).toEqual([]);
    expect(r.cluster!.proxyUrl).toBe('socks5://127.0.0.1:1080');
    expect(r.cluster!.tlsServerName).toBe('api.internal');
    expect(r.namespace).toBe('team-a');
    expect(r.material.caPem).toBe(caPem);
  });

  it('refuses a proxy-url with another scheme, an empty server and a server that is not http(s)', () => {
    const proxy = resolve(
      config(`    token: t\n`, `    server: https://k:6443\n    proxy-url: ftp://p:21\n`),
    );
    expect(fieldsOf(proxy)).toEqual(['proxy-url']);
    const empty = resolve(config(`    token: t\n`, `    server: ""\n`));
    expect(fieldsOf(empty)).toEqual(['server']);
    expect(errorsOf(empty)[0]!.message).toContain('cluster "c" (context "x") has no server');
    const scheme = resolve(config(`    token: t\n`, `    server: 10.0.0.1:6443\n`));
    expect(fieldsOf(scheme)).toEqual(['server']);
    expect(errorsOf(scheme)[0]!.message).toContain('"10.0.0.1:6443" is not an https:// or http:// URL');
  });
});

describe('certificates, keys and files', () => {
  it('loads a client certificate and key from data, and checks they belong together', () => {
    const ok = resolve(
      config(`    client-certificate-data: ${b64(certPem)}\n    client-key-data: ${b64(keyPem)}\n`),
    );
    expect(fieldsOf(ok)).toEqual([]);
    expect(ok.auth).toMatchObject({ kind: 'client-certificate', certificateFrom: 'data' });
    expect(ok.problems.some((p) => p.severity === 'warning' && p.message.includes('expired'))).toBe(true);
    const mismatch = resolve(
      config(`    client-certificate-data: ${b64(otherCertPem)}\n    client-key-data: ${b64(keyPem)}\n`),
    );
    expect(fieldsOf(mismatch)).toEqual(['client-key']);
    expect(errorsOf(mismatch)[0]!.message).toContain('does not belong to the client certificate');
  });

  it('names field, context and line for bad base64', () => {
    const file = path.join(dir, 'config');
    const r = resolve(
      config(`    client-certificate-data: abc\n    client-key-data: ${b64(keyPem)}\n`),
      file,
    );
    expect(fieldsOf(r)).toEqual(['client-certificate-data']);
    expect(errorsOf(r)[0]!.message).toBe(
      `user "u" (context "x"): client-certificate-data is not valid base64 (length 3 is not a multiple of 4, or padding is misplaced) (${file}:10)`,
    );
  });

  it('says which file cannot be read and why', () => {
    writeFiles(dir, { 'certs/folder/.keep': '' });
    const r = resolve(config(`    client-certificate: certs/nope.pem\n    client-key: certs/folder\n`));
    const messages = errorsOf(r).map((e) => e.message);
    expect(messages[0]).toContain(
      `cannot read client-certificate file ${path.join(dir, 'certs/nope.pem')}: no such file`,
    );
    expect(messages[1]).toContain(
      `cannot read client-key file ${path.join(dir, 'certs/folder')}: it is a folder, not a file`,
    );
  });

  it('refuses PEM that does not parse', () => {
    const broken = caPem.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!');
    const r = resolve(
      config(
        `    token: t\n`,
        `    server: https://k:6443\n    certificate-authority-data: ${b64(broken)}\n`,
      ),
    );
    expect(fieldsOf(r)).toEqual(['certificate-authority-data']);
    expect(errorsOf(r)[0]!.message).toContain('the certificate does not parse');
  });

  it('cannot resolve a relative path in pasted text', () => {
    const text = config(`    tokenFile: token.txt\n`);
    const parsed = parseKubeconfig(text, { source: 'pasted text' });
    const r = resolveContext(mergeKubeconfigs([parsed]), 'x');
    expect(errorsOf(r)[0]!.message).toBe(
      'user "u" (context "x"): tokenFile "token.txt" is a relative path and this kubeconfig has no folder to resolve it against (pasted text:10)',
    );
  });
});

describe('files that are not kubeconfigs', () => {
  const attempt = (text: string) => {
    try {
      parseKubeconfig(text, { source: '/k/config' });
    } catch (error) {
      return error as KubeconfigError;
    }
    throw new Error('expected a KubeconfigError');
  };

  it('gives line and column for YAML syntax errors', () => {
    const e = attempt('apiVersion: v1\nclusters:\n- name: a\n  cluster: {server: https://x\n');
    expect(e.code).toBe('YAML_SYNTAX');
    expect(e.line).toBeGreaterThanOrEqual(4);
    expect(e.message).toMatch(/^\/k\/config:\d+:\d+: not valid YAML: /);
  });

  it('refuses other kinds and documents that are not mappings', () => {
    expect(attempt('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n')).toMatchObject({
      code: 'WRONG_KIND',
      line: 2,
    });
    expect(attempt('apiVersion: v1\nkind: Pod\n').message).toBe(
      '/k/config:2: not a kubeconfig: kind is Pod, expected Config',
    );
    expect(attempt('- a\n- b\n')).toMatchObject({ code: 'NOT_A_KUBECONFIG' });
    expect(attempt('just some words\n')).toMatchObject({ code: 'NOT_A_KUBECONFIG' });
    expect(attempt('clusters: {a: 1}\n')).toMatchObject({ code: 'NOT_A_KUBECONFIG', line: 1 });
  });

  it('refuses binary data and plain text without echoing it', () => {
    expect(attempt('\u007fELF\u0002\u0001\u0000\u0000').message).toBe(
      '/k/config:1: not a kubeconfig: it is binary data, not text',
    );
    const pasted = attempt('\n\neyJhbGciOiJSUzI1NiIsImtpZCI6IjEyMyJ9.secret-token-part\n');
    expect(pasted.message).toBe('/k/config:3: not a kubeconfig: the document is plain text, not a mapping');
  });

  it('reads an empty file as an empty kubeconfig', () => {
    expect(parseKubeconfig('# nothing\n', { source: 'x' }).contexts).toEqual([]);
  });
});

describe('auth methods', () => {
  it('refuses token together with basic auth, and a certificate without its key', () => {
    expect(fieldsOf(resolve(config(`    token: t\n    username: a\n    password: b\n`)))).toEqual(['token']);
    expect(fieldsOf(resolve(config(`    client-certificate-data: ${b64(certPem)}\n`)))).toEqual([
      'client-key',
    ]);
  });

  it('allows a client certificate with a token, and a context without a user (anonymous)', () => {
    const both = resolve(
      config(
        `    token: t\n    client-certificate-data: ${b64(certPem)}\n    client-key-data: ${b64(keyPem)}\n`,
      ),
    );
    expect(fieldsOf(both)).toEqual([]);
    expect(both.auth.methods).toEqual(['token', 'client-certificate']);
    const text = config('    token: t\n').replace('    user: u\n', '');
    const anon = resolve(text);
    expect(anon.auth.kind).toBe('none');
    expect(anon.ok).toBe(true);
  });

  it('classifies basic auth', () => {
    expect(resolve(config(`    username: admin\n    password: hunter22\n`)).auth.kind).toBe('basic');
  });
});
