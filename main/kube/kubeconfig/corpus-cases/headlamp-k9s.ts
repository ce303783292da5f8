/** headlamp: real minikube/docker-desktop PEM; "abc" is not base64; "test" is not PEM. k9s: "fred" placeholders are not PEM. */
import { CA, CERT, type Case, type Ctx } from './types';

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

export const headlampCases: Case[] = [
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
];

export const k9sCases: Case[] = [
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
