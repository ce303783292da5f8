/** client-node-js: placeholder "CADATA"/"USER_CADATA" values are valid base64 but not PEM. */
import { CA, CERT, INSECURE_CA, type Case } from './types';

export const clientNodeCases: Case[] = [
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
];
