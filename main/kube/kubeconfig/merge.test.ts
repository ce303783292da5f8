import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kubeconfigPaths, loadKubeconfigSet, loadKubeconfigSources } from './discover';
import { resolveContext } from './validate';
import { caPem, certPem, keyPem, tempDir, writeFiles } from './testing/fixtures';

let dir = '';
let cleanup = () => {};
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const first = `
apiVersion: v1
kind: Config
clusters:
- name: shared
  cluster:
    server: https://first.example:6443
    certificate-authority: pki/ca.pem
- name: only-first
  cluster:
    server: https://only-first.example:6443
users:
- name: shared
  user:
    client-certificate: pki/client.pem
    client-key: pki/client-key.pem
contexts:
- name: shared
  context: {cluster: shared, user: shared, namespace: from-first}
`;

const second = `
apiVersion: v1
kind: Config
current-context: shared
clusters:
- name: shared
  cluster:
    server: https://second.example:6443
    certificate-authority: missing/ca.pem
- name: only-second
  cluster:
    server: https://only-second.example:6443
users:
- name: shared
  user:
    token: second-token
- name: second-user
  user:
    tokenFile: secrets/token
contexts:
- name: shared
  context: {cluster: shared, user: shared, namespace: from-second}
- name: mixed
  context: {cluster: only-first, user: second-user}
`;

describe('merging by kubectl rules', () => {
  it('first file wins for each name; relative paths resolve against the defining file; current-context from the first that sets one', () => {
    const files = writeFiles(dir, {
      'a/config': first,
      'a/pki/ca.pem': caPem,
      'a/pki/client.pem': certPem,
      'a/pki/client-key.pem': keyPem,
      'b/config': second,
      'b/secrets/token': 'token-from-file\n',
    });
    const set = loadKubeconfigSet([files['a/config']!, files['b/config']!]);
    expect(set.failures).toEqual([]);
    const m = set.merged;
    expect(m.currentContext).toBe('shared'); // the first file sets none, the second does
    expect([...m.contexts.keys()]).toEqual(['shared', 'mixed']);
    expect([...m.clusters.keys()].sort()).toEqual(['only-first', 'only-second', 'shared']);
    const shared = m.clusters.get('shared')!;
    expect(shared.server).toBe('https://first.example:6443');
    expect(shared.certificateAuthority).toBe(path.join(dir, 'a/pki/ca.pem'));
    expect(m.users.get('shared')!.token).toBeUndefined(); // whole entry from the first file, no field merge
    expect(m.users.get('second-user')!.tokenFile).toBe(path.join(dir, 'b/secrets/token'));

    const ctx = resolveContext(m, 'shared');
    expect(ctx.namespace).toBe('from-first');
    expect(ctx.auth.kind).toBe('client-certificate');
    expect(ctx.auth.certificateFrom).toBe('file');
    expect(ctx.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ctx.material.caPem).toBe(caPem);
    expect(ctx.material.keyPem).toBe(keyPem);

    const mixed = resolveContext(m, 'mixed');
    expect(mixed.server).toBe('https://only-first.example:6443');
    expect(mixed.auth.kind).toBe('token-file');
    expect(mixed.material.token).toBe('token-from-file');
    expect(mixed.ok).toBe(true);
  });

  it('the other order gives the other entries, and names the unreadable file of the second folder', () => {
    const files = writeFiles(dir, { 'a/config': first, 'b/config': second, 'b/secrets/token': 't' });
    const m = loadKubeconfigSet([files['b/config']!, files['a/config']!]).merged;
    expect(m.clusters.get('shared')!.server).toBe('https://second.example:6443');
    const ctx = resolveContext(m, 'shared');
    expect(ctx.namespace).toBe('from-second');
    expect(ctx.auth.kind).toBe('token');
    const err = ctx.problems.find((p) => p.field === 'certificate-authority')!;
    expect(err.severity).toBe('error');
    expect(err.message).toContain(path.join(dir, 'b/missing/ca.pem'));
    expect(err.message).toContain('no such file');
    expect(err.message).toContain(`${files['b/config']}:9`);
  });

  it('skips missing files of the list and reports broken ones without losing the others', () => {
    const files = writeFiles(dir, { 'ok/config': second, 'bad/config': 'clusters: [\n  - name: x\n' });
    const set = loadKubeconfigSet([path.join(dir, 'nope'), files['bad/config']!, files['ok/config']!]);
    expect(set.missing).toEqual([path.join(dir, 'nope')]);
    expect(set.failures.map((f) => f.code)).toEqual(['YAML_SYNTAX']);
    expect(set.failures[0]!.message).toMatch(new RegExp(`^${files['bad/config']}:\\d+:\\d+: not valid YAML`));
    expect([...set.merged.contexts.keys()]).toEqual(['shared', 'mixed']);
  });
});

describe('sources chosen by the user', () => {
  it('merges a file and pasted text in order, fails a missing chosen file, and flags relative paths in the text', () => {
    const files = writeFiles(dir, {
      'a/config': first,
      'a/pki/ca.pem': caPem,
      'a/pki/client.pem': certPem,
      'a/pki/client-key.pem': keyPem,
    });
    const set = loadKubeconfigSources([
      { path: path.join(dir, 'missing/config') },
      { path: files['a/config']! },
      { label: 'pasted text', text: second },
    ]);
    expect(set.failures.map((f) => f.message)).toEqual([
      `${path.join(dir, 'missing/config')}: cannot read the kubeconfig: no such file`,
    ]);
    expect(set.merged.sources).toEqual([files['a/config'], 'pasted text']);
    expect(resolveContext(set.merged, 'shared').ok).toBe(true); // from the file
    const mixed = resolveContext(set.merged, 'mixed'); // its user comes from the text, with a relative tokenFile
    expect(mixed.problems.map((p) => p.message)).toEqual([
      'user "second-user" (context "mixed"): tokenFile "secrets/token" is a relative path and this kubeconfig has no folder to resolve it against (pasted text:19)',
    ]);
  });

  it('refuses a relative exec command in pasted text (it would run from wherever Flotilla runs)', () => {
    const text =
      'clusters: [{name: c, cluster: {server: "https://k:1"}}]\nusers: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: ./get-token}}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]\n';
    const ctx = resolveContext(loadKubeconfigSources([{ label: 'dropped text', text }]).merged, 'x');
    expect(ctx.problems.filter((p) => p.severity === 'error').map((p) => p.field)).toEqual(['exec.command']);
  });
});

describe('discovery', () => {
  it('uses ~/.kube/config without $KUBECONFIG (or with an empty one)', () => {
    expect(kubeconfigPaths({ env: {}, home: '/home/ann' })).toEqual(['/home/ann/.kube/config']);
    expect(kubeconfigPaths({ env: { KUBECONFIG: '' }, home: '/home/ann' })).toEqual([
      '/home/ann/.kube/config',
    ]);
  });

  it('splits $KUBECONFIG on the platform delimiter, dropping empty entries and repeats', () => {
    expect(kubeconfigPaths({ env: { KUBECONFIG: '/a/one::/b/two:/a/one' }, delimiter: ':' })).toEqual([
      '/a/one',
      '/b/two',
    ]);
    expect(kubeconfigPaths({ env: { KUBECONFIG: '/a/one;/b/two' }, delimiter: ';' })).toEqual([
      '/a/one',
      '/b/two',
    ]);
    expect(kubeconfigPaths({ env: { KUBECONFIG: `/x/c${path.delimiter}/y/c` } })).toEqual(['/x/c', '/y/c']);
  });
});
