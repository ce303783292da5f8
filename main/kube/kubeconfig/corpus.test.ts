/**
 * Every kubeconfig of the shared corpus (client-node-js, fabric8, headlamp, k9s), with what
 * a person reading the file expects: its contexts, each one's cluster, server, namespace,
 * auth kind, and the fields that make it unusable. Expectations were written by reading the
 * files (and checked against kubectl 1.32's own refusals where kubectl has one).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKubeconfigFile, loadKubeconfigSet } from './discover';
import { KubeconfigError } from './errors';
import { resolveContexts } from './validate';
import type { AuthKind } from './auth';

const here = path.dirname(fileURLToPath(import.meta.url));
export const corpus = path.resolve(here, '../../../../shared/corpus');
const f8 = 'fabric8-client/kubernetes-client-api/src/test/resources';

interface Ctx {
  cluster?: string;
  server?: string;
  ns?: string;
  auth: AuthKind;
  /** Fields with an error; empty when the context is usable. */
  errors: string[];
}
interface Case {
  file: string;
  current?: string;
  contexts: Record<string, Ctx>;
  /** Number of file-level warnings (nameless or duplicate entries, dangling current-context). */
  fileProblems?: number;
}

// Fixture data shared by several upstream files.
const CA = 'certificate-authority-data';
const CERT = ['client-certificate-data', 'client-key-data'];
const INSECURE_CA = ['insecure-skip-tls-verify', CA];
const CA_FILE_INSECURE = ['insecure-skip-tls-verify', 'certificate-authority'];
const f8Ip = 'https://172.28.128.4:8443';
const f8Cluster = '172-28-128-4:8443';
const f8Three: Record<string, Ctx> = {
  'testns/172-28-128-4:8443/user': {
    cluster: f8Cluster,
    server: f8Ip,
    ns: 'testns',
    auth: 'token',
    errors: CA_FILE_INSECURE,
  },
  'production/172-28-128-4:8443/root': {
    cluster: f8Cluster,
    server: f8Ip,
    ns: 'production',
    auth: 'token',
    errors: CA_FILE_INSECURE,
  },
  'production/172-28-128-4:8443/mmosley': {
    cluster: f8Cluster,
    server: f8Ip,
    ns: 'production',
    auth: 'auth-provider',
    errors: CA_FILE_INSECURE,
  },
};
const execV1NoMode: Record<string, Ctx> = {
  test: { cluster: 'test', server: 'https://wherever', auth: 'exec', errors: ['exec.interactiveMode'] },
};
const execAlpha: Record<string, Ctx> = {
  test: { cluster: 'test', server: 'https://wherever', auth: 'exec', errors: ['exec.apiVersion'] },
};
const f8Config1: Case = {
  file: `${f8}/config-auto-configure/config-1.yaml`,
  current: 'context-in-all-configs',
  contexts: {
    'context-in-all-configs': {
      cluster: 'config-1-cluster',
      server: 'https://config-1.example.com',
      ns: 'config-1-namespace',
      auth: 'token',
      errors: ['token'],
    },
    'duplicate-context': {
      cluster: 'duplicate-cluster',
      server: 'https://duplicate-cluster-in-1.example.com',
      auth: 'token',
      errors: [],
    },
    'config-1-context-2': {
      cluster: 'config-1-cluster-2',
      server: 'https://config-1-2.example.com',
      auth: 'token',
      errors: [],
    },
  },
};
const f8Config2: Case = {
  file: `${f8}/config-auto-configure/config-2.yaml`,
  current: 'context-in-all-configs',
  contexts: {
    'context-in-all-configs': {
      cluster: 'config-2-cluster',
      server: 'https://config-2.example.com',
      ns: 'config-2-namespace',
      auth: 'token',
      errors: ['token'],
    },
    'duplicate-context': {
      cluster: 'duplicate-cluster',
      server: 'https://duplicate-cluster-in-2.example.com',
      auth: 'token',
      errors: [],
    },
    'incomplete-context': { auth: 'none', errors: ['cluster'] },
  },
};
const f8Config3: Case = {
  file: `${f8}/config-auto-configure/config-3.yaml`,
  current: 'context-in-all-configs',
  fileProblems: 1, // the third cluster has its name inside `cluster:`, so the entry has none
  contexts: {
    'context-in-all-configs': {
      cluster: 'config-3-cluster',
      server: 'https://config-3.example.com',
      ns: 'config-3-namespace',
      auth: 'token',
      errors: ['token'],
    },
    'context-in-config-3': {
      cluster: 'config-3-special-cluster',
      server: 'https://config-3-special-cluster.example.com',
      ns: 'config-3-namespace',
      auth: 'token',
      errors: [],
    },
  },
};
const headlampTwo = (a: string, b: string): Record<string, Ctx> => ({
  [a]: {
    cluster: a,
    server: 'https://kubernetes.docker.internal:6443',
    auth: 'client-certificate',
    errors: [],
  },
  [b]: {
    cluster: b,
    server: 'https://127.0.0.1:60279',
    ns: 'default',
    auth: 'client-certificate',
    errors: [],
  },
});
const headlampPartial: Record<string, Ctx> = {
  'valid-context': {
    cluster: 'test-cluster',
    server: 'https://test-server:6443',
    auth: 'client-certificate',
    errors: CERT,
  },
  'invalid-context': {
    cluster: 'test-cluster',
    server: 'https://test-server:6443',
    auth: 'client-certificate',
    errors: CERT,
  },
  'invalid-cluster': {
    cluster: 'invalid-cluster',
    server: 'https://test-server:6443',
    auth: 'client-certificate',
    errors: [CA, ...CERT],
  },
};
const headlampMetadata: Record<string, Ctx> = {
  'random-cluster-x': {
    cluster: 'random-cluster-x',
    server: 'https://kubernetes.docker.internal:6443',
    auth: 'client-certificate',
    errors: [CA, ...CERT],
  },
  'random-cluster-y': {
    cluster: 'random-cluster-y',
    server: 'https://127.0.0.1:60279',
    ns: 'default',
    auth: 'client-certificate',
    errors: [CA, ...CERT],
  },
};

const cases: Case[] = [
  // ---- client-node-js: placeholder "CADATA"/"USER_CADATA" values are valid base64 but not PEM.
  {
    file: 'client-node-js/testdata/empty-cluster-kubeconfig.yaml',
    current: 'context2',
    fileProblems: 1, // the cluster named ""
    contexts: {
      context1: { auth: 'client-certificate', errors: ['cluster', ...CERT] },
      context2: {
        cluster: 'cluster2',
        server: 'http://example2.com',
        ns: 'namespace2',
        auth: 'client-certificate',
        errors: [...INSECURE_CA, ...CERT],
      },
      passwd: { cluster: 'cluster2', server: 'http://example2.com', auth: 'basic', errors: INSECURE_CA },
    },
  },
  {
    file: 'client-node-js/testdata/empty-context-kubeconfig.yaml',
    current: 'context2',
    fileProblems: 1, // the context named ""
    contexts: {
      context2: {
        cluster: 'cluster2',
        server: 'http://example2.com',
        ns: 'namespace2',
        auth: 'client-certificate',
        errors: [...INSECURE_CA, ...CERT],
      },
      passwd: { cluster: 'cluster2', server: 'http://example2.com', auth: 'basic', errors: INSECURE_CA },
    },
  },
  {
    file: 'client-node-js/testdata/empty-user-kubeconfig.yaml',
    current: 'context2',
    contexts: {
      context1: { cluster: 'cluster1', server: 'http://example.com', auth: 'none', errors: [CA] },
      context2: { cluster: 'cluster2', server: 'http://example2.com', auth: 'none', errors: INSECURE_CA },
    },
  },
  {
    file: 'client-node-js/testdata/kubeconfig-2.yaml',
    current: 'contextA',
    contexts: {
      contextA: {
        cluster: 'clusterA',
        server: 'http://example2.com',
        auth: 'client-certificate',
        errors: [CA, ...CERT],
      },
    },
  },
  {
    file: 'client-node-js/testdata/kubeconfig-dupe-cluster.yaml',
    current: 'context2',
    contexts: {},
    fileProblems: 1,
  },
  {
    file: 'client-node-js/testdata/kubeconfig-dupe-context.yaml',
    current: 'context2',
    fileProblems: 1,
    contexts: { context1: { auth: 'none', errors: ['cluster', 'user'] } },
  },
  {
    file: 'client-node-js/testdata/kubeconfig-dupe-user.yaml',
    current: 'context2',
    fileProblems: 1,
    contexts: {
      contextA: {
        cluster: 'clusterA',
        server: 'http://example.com',
        auth: 'client-certificate',
        errors: [CA, ...CERT],
      },
    },
  },
  {
    file: 'client-node-js/testdata/kubeconfig-proxy-url.yaml',
    current: 'contextA',
    contexts: {
      contextA: {
        cluster: 'clusterA',
        server: 'http://example1.com',
        auth: 'client-certificate',
        errors: [CA, ...CERT],
      },
      contextB: {
        cluster: 'clusterB',
        server: 'https://example2.com',
        auth: 'client-certificate',
        errors: [CA, ...CERT],
      },
      contextC: {
        cluster: 'clusterC',
        server: 'http://example3.com',
        auth: 'client-certificate',
        errors: [CA, ...CERT],
      },
      contextD: {
        cluster: 'clusterD',
        server: 'htto://exampleerror.com',
        auth: 'client-certificate',
        errors: ['server', CA, ...CERT],
      },
      contextE: {
        cluster: 'clusterE',
        server: 'http://exampleerror.com',
        auth: 'client-certificate',
        errors: [...INSECURE_CA, ...CERT],
      },
      contextF: {
        cluster: 'clusterF',
        server: 'http://exampleerror.com',
        auth: 'client-certificate',
        errors: [CA, ...CERT],
      },
      contextG: {
        cluster: 'clusterG',
        server: 'https://example7.com',
        auth: 'client-certificate',
        errors: [CA, ...CERT],
      },
    },
  },
  {
    file: 'client-node-js/testdata/kubeconfig.yaml',
    current: 'context2',
    contexts: {
      context1: {
        cluster: 'cluster1',
        server: 'http://example.com',
        auth: 'client-certificate',
        errors: [CA, ...CERT],
      },
      context2: {
        cluster: 'cluster2',
        server: 'http://example2.com',
        ns: 'namespace2',
        auth: 'client-certificate',
        errors: [...INSECURE_CA, ...CERT],
      },
      passwd: { cluster: 'cluster2', server: 'http://example2.com', auth: 'basic', errors: INSECURE_CA },
    },
  },
  {
    file: 'client-node-js/testdata/tls-server-name-kubeconfig.yaml',
    current: 'context',
    contexts: {
      context: {
        cluster: 'cluster',
        server: 'http://example2.com',
        auth: 'client-certificate',
        errors: [...INSECURE_CA, ...CERT],
      },
    },
  },
  // ---- fabric8: token + username/password is refused by kubectl ("more than one authentication method").
  f8Config1,
  f8Config2,
  f8Config3,
  { ...f8Config1, file: `${f8}/internal/kube-config-utils-merge/config-1.yaml` },
  { ...f8Config2, file: `${f8}/internal/kube-config-utils-merge/config-2.yaml` },
  { ...f8Config3, file: `${f8}/internal/kube-config-utils-merge/config-3.yaml` },
  {
    file: `${f8}/config-auto-configure/just-current-context.yaml`,
    current: 'context-in-config-3',
    contexts: {},
    fileProblems: 1,
  },
  {
    file: `${f8}/internal/kube-config-utils-merge/just-current-context.yaml`,
    current: 'context-in-config-3',
    contexts: {},
    fileProblems: 1,
  },
  { file: `${f8}/config-auto-configure/scattered-cluster.yaml`, contexts: {} },
  { file: `${f8}/config-auto-configure/scattered-user.yaml`, contexts: {} },
  {
    file: `${f8}/config-auto-configure/scattered.yaml`,
    current: 'scattered-context',
    contexts: {},
    fileProblems: 1,
  },
  {
    file: `${f8}/config-auto-configure/scattered-context.yaml`,
    contexts: { 'scattered-context': { auth: 'none', errors: ['cluster', 'user'] } },
  },
  { file: `${f8}/internal/kube-config-utils-merge/config-empty.yaml`, contexts: {} },
  {
    file: `${f8}/internal/kube-config-utils-merge/config-4.yaml`,
    current: undefined,
    contexts: {
      'context-in-all-configs': { ns: 'missing-entries', auth: 'none', errors: ['cluster', 'user'] },
      'missing-entries': { auth: 'none', errors: ['cluster', 'user'] },
    },
  },
  {
    file: `${f8}/internal/kube-config-utils-parse/config-1.yaml`,
    current: 'selected-context',
    contexts: {
      'selected-context': {
        cluster: 'config-1-cluster',
        server: 'https://config-1.example.com',
        ns: 'config-1-namespace',
        auth: 'token',
        errors: ['token'],
      },
    },
  },
  {
    file: `${f8}/config-from-kubeconfig/single-context-config.yaml`,
    current: 'the-context',
    contexts: {
      'the-context': {
        cluster: 'the-cluster',
        server: 'https://cluster.example.com',
        ns: 'the-context-default-namespace',
        auth: 'exec',
        errors: [CA, 'client-certificate', 'client-key', ...CERT, 'token', 'exec.apiVersion'],
      },
    },
  },
  {
    file: `${f8}/config-proxy-source/kubeconfig-with-proxy-url`,
    current: 'default',
    contexts: {
      default: {
        cluster: 'default',
        server: 'https://kubernetes-remote-server.example:6443',
        auth: 'client-certificate',
        errors: [CA, ...CERT],
      },
    },
  },
  {
    file: `${f8}/config-source-precedence/kube-config`,
    current: 'test',
    contexts: {
      test: {
        cluster: 'test',
        server: f8Ip,
        ns: 'namespace-from-kubeconfig',
        auth: 'token',
        errors: ['certificate-authority', 'client-certificate', 'client-key'],
      },
    },
  },
  {
    file: `${f8}/test-ec-kubeconfig`,
    current: 'default/172-28-128-4:8443/user',
    contexts: {
      'default/172-28-128-4:8443/user': {
        cluster: f8Cluster,
        server: f8Ip,
        ns: 'default',
        auth: 'client-certificate',
        errors: ['certificate-authority', ...CERT],
      },
    },
  },
  { file: `${f8}/test-empty-kubeconfig`, contexts: {} },
  { file: `${f8}/test-kubeconfig`, current: 'testns/172-28-128-4:8443/user', contexts: f8Three },
  { file: `${f8}/test-kubeconfig-nocurrentctxt`, current: undefined, contexts: f8Three },
  { file: `${f8}/test-kubeconfig-oidc`, current: 'production/172-28-128-4:8443/mmosley', contexts: f8Three },
  {
    file: `${f8}/token-refresh-interceptor/kubeconfig-oidc`,
    current: 'production/172-28-128-4:8443/mmosley',
    contexts: f8Three,
  },
  {
    file: `${f8}/token-refresh-interceptor/kubeconfig`,
    current: 'testns/172-28-128-4:8443/user',
    contexts: { 'testns/172-28-128-4:8443/user': f8Three['testns/172-28-128-4:8443/user']! },
  },
  {
    file: `${f8}/token-refresh-interceptor/kubeconfig.new`,
    current: 'testns/172-28-128-4:8443/user',
    contexts: { 'testns/172-28-128-4:8443/user': f8Three['testns/172-28-128-4:8443/user']! },
  },
  // exec v1 without interactiveMode: kubectl says "interactiveMode must be specified".
  ...[
    'exec',
    'exec-args-with-spaces',
    'exec-args-with-spaces-windows',
    'exec-cert-auth',
    'exec-cert-auth-ec-invalid',
    'exec-null-args',
    'exec-win',
    'exec-win-cert-auth',
    'exec-win-cert-auth-ec-invalid',
    'exec-win-null-args',
  ].map((n): Case => ({ file: `${f8}/test-kubeconfig-${n}`, current: 'test', contexts: execV1NoMode })),
  // exec v1alpha1: kubectl says "invalid apiVersion".
  { file: `${f8}/test-kubeconfig-exec-with-spaces`, current: 'test', contexts: execAlpha },
  { file: `${f8}/test-kubeconfig-exec-with-spaces-windows`, current: 'test', contexts: execAlpha },
  {
    file: `${f8}/test-kubeconfig-tls-server-name`,
    current: 'tunnel-context',
    contexts: {
      'tunnel-context': {
        cluster: 'tunnel-cluster',
        server: 'https://127.0.0.1:6443',
        ns: 'default',
        auth: 'token',
        errors: [],
      },
    },
  },
  // ---- headlamp: real minikube/docker-desktop PEM; "abc" is not base64; "test" is not PEM.
  {
    file: 'headlamp/backend/cmd/headlamp_testdata/kubeconfig',
    current: 'minikube',
    contexts: headlampTwo('docker-desktop', 'minikube'),
  },
  {
    file: 'headlamp/backend/pkg/kubeconfig/test_data/kubeconfig1',
    current: 'minikube',
    contexts: headlampTwo('docker-desktop', 'minikube'),
  },
  {
    file: 'headlamp/backend/pkg/kubeconfig/test_data/kubeconfig2',
    current: 'random-cluster-2',
    contexts: headlampTwo('random-cluster-1', 'random-cluster-2'),
  },
  {
    file: 'headlamp/backend/cmd/headlamp_testdata/kubeconfig_partialcontextvalid',
    current: 'valid-context',
    contexts: headlampPartial,
  },
  {
    file: 'headlamp/backend/pkg/kubeconfig/test_data/kubeconfig_partialcontextvalid',
    current: 'valid-context',
    contexts: headlampPartial,
  },
  {
    file: 'headlamp/backend/cmd/headlamp_testdata/kubeconfig_rename',
    current: 'minikubetest',
    contexts: {
      minikubetest: {
        cluster: 'minikubetest',
        server: 'https://127.0.0.1:60279',
        ns: 'default',
        auth: 'client-certificate',
        errors: [CA, ...CERT],
      },
      minikubetestnondynamic: {
        cluster: 'minikubetestnondynamic',
        server: 'https://127.0.0.1:60279',
        ns: 'default',
        auth: 'client-certificate',
        errors: [CA, ...CERT],
      },
    },
  },
  {
    file: 'headlamp/backend/pkg/kubeconfig/test_data/kubeconfig_autherr',
    current: 'invalid-context',
    contexts: {
      'invalid-context': {
        cluster: 'test-cluster',
        server: 'https://test-server:6443',
        auth: 'client-certificate',
        errors: CERT,
      },
      'invalid-context2': {
        cluster: 'test-cluster',
        server: 'https://test-server:6443',
        auth: 'client-certificate',
        errors: CERT,
      },
    },
  },
  {
    file: 'headlamp/backend/pkg/kubeconfig/test_data/kubeconfig_metadata',
    current: 'random-cluster-y',
    contexts: headlampMetadata,
  },
  {
    file: 'headlamp/backend/pkg/kubeconfig/test_data/kubeconfig_metadata_duplicate',
    current: 'random-cluster-y',
    contexts: headlampMetadata,
  },
  {
    file: 'headlamp/backend/pkg/kubeconfig/test_data/kubeconfig_oidc_ca_data',
    current: 'oidc-test-context',
    contexts: {
      'oidc-test-context': {
        cluster: 'oidc-test-cluster',
        server: 'https://127.0.0.1:6443',
        auth: 'auth-provider',
        errors: [],
      },
    },
  },
  // ---- k9s: "fred" placeholders are not PEM; config.1/.2 have `users: null`.
  {
    file: 'k9s/internal/client/testdata/config',
    current: 'fred',
    contexts: {
      fred: { cluster: 'zorg', server: 'https://localhost:3002', auth: 'client-certificate', errors: CERT },
      blee: {
        cluster: 'blee',
        server: 'https://localhost:3001',
        ns: 'zorg',
        auth: 'client-certificate',
        errors: CERT,
      },
      duh: { auth: 'client-certificate', errors: ['cluster', ...CERT] },
    },
  },
  {
    file: 'k9s/internal/client/testdata/config.1',
    current: 'blee',
    contexts: { blee: { cluster: 'blee', server: 'https://localhost:3001', auth: 'none', errors: ['user'] } },
  },
  {
    file: 'k9s/internal/client/testdata/config.2',
    current: 'blee',
    contexts: {
      blee: { cluster: 'blee', server: 'https://localhost:3001', auth: 'none', errors: ['user'] },
      fred: { cluster: 'fred', server: 'https://localhost:3002', auth: 'none', errors: ['user'] },
    },
  },
  {
    file: 'k9s/internal/config/testdata/k8s.yaml',
    current: 'docker-for-desktop',
    contexts: {
      'docker-for-desktop': {
        cluster: 'docker-for-desktop-cluster',
        server: 'https://localhost:6443',
        auth: 'client-certificate',
        errors: [],
      },
    },
  },
  {
    file: 'k9s/internal/config/testdata/kubes/test.yaml',
    current: 'ct-1-1',
    contexts: {
      'ct-1-1': {
        cluster: 'cl-1',
        server: 'https://1.2.3.4:8443',
        ns: 'ns-1',
        auth: 'client-certificate',
        errors: ['certificate-authority', 'client-certificate', 'client-key'],
      },
      'ct-1-2': {
        cluster: 'cl-1',
        server: 'https://1.2.3.4:8443',
        ns: 'ns-2',
        auth: 'client-certificate',
        errors: ['certificate-authority', 'client-certificate', 'client-key'],
      },
      'ct-2-1': {
        cluster: 'cl-2',
        server: 'https://5.6.7.8:8443',
        ns: 'ns-2',
        auth: 'client-certificate',
        errors: ['certificate-authority', 'client-certificate', 'client-key'],
      },
    },
  },
  {
    file: 'k9s/internal/dao/testdata/config',
    current: 'fred',
    contexts: {
      fred: { cluster: 'fred', server: 'https://localhost:3000', auth: 'client-certificate', errors: CERT },
      blee: {
        cluster: 'blee',
        server: 'https://localhost:3001',
        ns: 'zorg',
        auth: 'client-certificate',
        errors: CERT,
      },
      duh: { cluster: 'duh', server: 'https://localhost:3002', auth: 'client-certificate', errors: CERT },
    },
  },
  {
    file: 'k9s/internal/dao/testdata/config.1',
    current: 'fred',
    fileProblems: 1,
    contexts: {
      blee: { cluster: 'blee', server: 'https://localhost:3001', auth: 'client-certificate', errors: CERT },
      duh: { cluster: 'duh', server: 'https://localhost:3002', auth: 'client-certificate', errors: CERT },
    },
  },
];

/** Files in the corpus folders that are not kubeconfigs, and how each is refused. */
const notKubeconfigs: { file: string; code: KubeconfigError['code']; line: number }[] = [
  { file: `${f8}/serialization/invalid-yaml.yml`, code: 'NOT_A_KUBECONFIG', line: 17 },
  { file: `${f8}/serialization/test-list.yml`, code: 'WRONG_KIND', line: 19 },
  { file: `${f8}/serialization/test-configmap-manifest-bool-dateformat.yml`, code: 'WRONG_KIND', line: 18 },
  { file: 'k9s/internal/dao/testdata/benchspec.yaml', code: 'NOT_A_KUBECONFIG', line: 1 },
];

const uniqueSorted = (xs: string[]) => [...new Set(xs)].sort();

describe('corpus kubeconfigs', () => {
  it.each(cases)('$file', (c) => {
    const file = path.join(corpus, c.file);
    const set = loadKubeconfigSet([file]);
    expect(set.failures).toEqual([]);
    expect(set.merged.currentContext).toBe(c.current);
    const resolved = resolveContexts(set.merged, { now: new Date('2026-12-04T00:00:00Z') });
    expect(resolved.map((r) => r.name)).toEqual(Object.keys(c.contexts));
    for (const r of resolved) {
      const want = c.contexts[r.name]!;
      const errors = r.problems.filter((p) => p.severity === 'error');
      expect({
        name: r.name,
        cluster: r.cluster?.name,
        server: r.server,
        ns: r.namespace,
        auth: r.auth.kind,
        errors: uniqueSorted(errors.map((e) => e.field)),
      }).toEqual({
        name: r.name,
        cluster: want.cluster,
        server: want.server,
        ns: want.ns,
        auth: want.auth,
        errors: uniqueSorted(want.errors),
      });
      expect(r.ok).toBe(want.errors.length === 0);
      for (const e of errors) {
        // every error names the file and line it is about
        expect(e.message).toMatch(/\(\/.+:\d+\)$/);
        expect(e.file).toMatch(/^\//);
      }
    }
    expect(set.merged.problems.length).toBe(c.fileProblems ?? 0);
  });

  it('covers every kubeconfig-looking file in the four corpus folders', () => {
    const listed = new Set([...cases.map((c) => c.file), ...notKubeconfigs.map((n) => n.file)]);
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(corpus, dir), { withFileTypes: true })) {
        const rel = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(rel);
        else if (/kubeconfig|kube-config|config|\.ya?ml$/i.test(entry.name) || /^config/.test(entry.name)) {
          const text = fs.readFileSync(path.join(corpus, rel), 'utf8');
          if (
            /^(clusters|contexts|users|current-context|kind: Config)/m.test(text) ||
            entry.name.includes('kubeconfig')
          )
            found.push(rel);
        }
      }
    };
    for (const dir of ['client-node-js', f8, 'headlamp', 'k9s']) walk(dir);
    const missing = found.filter((f) => !listed.has(f));
    expect(missing).toEqual([]);
    expect(found.length).toBeGreaterThan(60);
  });

  it.each(notKubeconfigs)('refuses $file as $code at line $line', ({ file, code, line }) => {
    const abs = path.join(corpus, file);
    let caught: unknown;
    try {
      loadKubeconfigFile(abs);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KubeconfigError);
    const e = caught as KubeconfigError;
    expect(e.code).toBe(code);
    expect(e.line).toBe(line);
    expect(e.message.startsWith(`${abs}:${line}`)).toBe(true);
  });
});
