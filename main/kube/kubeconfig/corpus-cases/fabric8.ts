/** fabric8: token + username/password is refused by kubectl ("more than one authentication method"). */
import { CA, CERT, CA_FILE_INSECURE, f8, type Case, type Ctx } from './types';

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

export const fabric8Cases: Case[] = [
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
];
