/**
 * "Harbor Goods": a small online shop written for this demo. Services talk over HTTP/gRPC;
 * each has its own store. Contains deliberate problems for the inspection features:
 * payment crash-loops, recommendations uses a :latest image, the legacy importer runs
 * privileged, the report builder asks for more memory than any node has, `promo` selects
 * no pods, and catalog has no resource limits.
 */
import type { KObject } from '../store/api';
import {
  configMap,
  container,
  cronJob,
  deployment,
  namespace,
  secret,
  service,
  serviceAccount,
  statefulSet,
  type Labels,
} from './builders';

const NS = 'shop';
const IMG = 'ghcr.io/flotilla-demo/harbor';
const part = (name: string, component: string, version = '1.8.2'): Labels => ({
  app: name,
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/part-of': 'harbor-goods',
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/version': version,
  'app.kubernetes.io/managed-by': 'flotilla-demo',
  team: component === 'database' ? 'platform' : 'storefront',
});

function svcApp(
  name: string,
  o: {
    port: number;
    replicas: number;
    cpu: string;
    memory: string;
    env?: Array<Record<string, unknown>>;
    image?: string;
    noLimits?: boolean;
    annotations?: Labels;
    extra?: Partial<Parameters<typeof deployment>[0]>;
  },
): KObject[] {
  const labels = part(name, 'backend');
  const c = container({
    name,
    image: o.image ?? `${IMG}/${name}:1.8.2`,
    port: o.port,
    cpu: o.cpu,
    memory: o.memory,
    cpuLimit: o.noLimits ? '' : undefined,
    memoryLimit: o.noLimits ? '' : undefined,
    env: o.env,
    probePath: '/healthz',
  });
  if (o.noLimits) delete (c.resources as { limits?: unknown }).limits;
  return [
    serviceAccount(name, NS, labels),
    deployment({
      name,
      namespace: NS,
      labels,
      replicas: o.replicas,
      serviceAccountName: name,
      containers: [c],
      podAnnotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(o.port),
        ...o.annotations,
      },
      ...o.extra,
    }),
    service({
      name,
      namespace: NS,
      labels,
      selector: { app: name },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    }),
  ];
}

const env = (pairs: Record<string, string>) =>
  Object.entries(pairs).map(([name, value]) => ({ name, value }));
const fromSecret = (name: string, secretName: string, key: string) => ({
  name,
  valueFrom: { secretKeyRef: { name: secretName, key } },
});

function database(
  name: string,
  image: string,
  port: number,
  storage: string,
  cpu: string,
  memory: string,
  envVars: Array<Record<string, unknown>>,
): KObject[] {
  const labels = part(name, 'database', image.split(':')[1]);
  return [
    service({
      name,
      namespace: NS,
      labels,
      selector: { app: name },
      ports: [{ name: 'db', port, targetPort: port }],
      headless: true,
    }),
    statefulSet({
      name,
      namespace: NS,
      labels,
      replicas: 1,
      serviceName: name,
      storage,
      storageClassName: undefined,
      containers: [
        container({
          name,
          image,
          port,
          portName: 'db',
          cpu,
          memory,
          probes: 'tcp',
          env: envVars,
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        }),
      ],
    }),
  ];
}

export function shopApp(opts: { ingressHost: string; ingressClass: string }): KObject[] {
  const out: KObject[] = [
    namespace(NS, {
      'app.kubernetes.io/part-of': 'harbor-goods',
      environment: 'production',
      'pod-security.kubernetes.io/enforce': 'baseline',
    }),
  ];
  out.push(
    secret('shop-db-credentials', NS, part('shop', 'config'), {
      'postgres-password': 'demo-Only-7d1f',
      'mongo-password': 'demo-Only-19ac',
      'redis-password': 'demo-Only-a83e',
    }),
  );
  out.push(
    secret('payment-gateway', NS, part('payment', 'config'), {
      'api-key': 'sk_demo_4f1b2c9e',
      'webhook-secret': 'whsec_demo_0c7d',
    }),
  );
  out.push(
    configMap('shop-settings', NS, part('shop', 'config'), {
      CURRENCY: 'EUR',
      FEATURE_RECOMMENDATIONS: 'true',
      CART_TTL_MINUTES: '90',
      LOG_FORMAT: 'json',
    }),
  );
  out.push(
    ...svcApp('frontend', {
      port: 8080,
      replicas: 3,
      cpu: '150m',
      memory: '192Mi',
      env: env({
        CART_URL: 'http://cart',
        CATALOG_URL: 'http://catalog',
        ORDER_URL: 'http://order',
        USERS_URL: 'http://users',
      }),
    }),
    ...svcApp('cart', {
      port: 7070,
      replicas: 2,
      cpu: '100m',
      memory: '128Mi',
      env: [
        ...env({ REDIS_ADDR: 'cart-redis:6379' }),
        fromSecret('REDIS_PASSWORD', 'shop-db-credentials', 'redis-password'),
      ],
    }),
    ...svcApp('catalog', {
      port: 3550,
      replicas: 2,
      cpu: '100m',
      memory: '160Mi',
      noLimits: true,
      env: [
        ...env({ MONGO_URL: 'mongodb://catalog-mongo:27017/catalog' }),
        fromSecret('MONGO_PASSWORD', 'shop-db-credentials', 'mongo-password'),
      ],
    }),
    ...svcApp('order', {
      port: 8081,
      replicas: 2,
      cpu: '120m',
      memory: '192Mi',
      env: [
        ...env({ PGHOST: 'orders-postgres', PGDATABASE: 'orders' }),
        fromSecret('PGPASSWORD', 'shop-db-credentials', 'postgres-password'),
      ],
    }),
    ...svcApp('users', {
      port: 8082,
      replicas: 2,
      cpu: '100m',
      memory: '128Mi',
      env: [
        ...env({ PGHOST: 'users-postgres', PGDATABASE: 'users' }),
        fromSecret('PGPASSWORD', 'shop-db-credentials', 'postgres-password'),
      ],
    }),
    ...svcApp('recommendations', {
      port: 8085,
      replicas: 1,
      cpu: '200m',
      memory: '256Mi',
      image: `${IMG}/recommendations:latest`,
    }),
  );
  // payment: crash-loops (its gateway key is rejected on start).
  const pay = svcApp('payment', {
    port: 50051,
    replicas: 1,
    cpu: '100m',
    memory: '128Mi',
    env: [fromSecret('GATEWAY_API_KEY', 'payment-gateway', 'api-key')],
  });
  const payDeploy = pay[1] as KObject;
  const payContainer = (
    payDeploy.spec as { template: { spec: { containers: Array<Record<string, unknown>> } } }
  ).template.spec.containers[0] as Record<string, unknown>;
  payContainer.command = [
    '/bin/sh',
    '-c',
    'payment-server --gateway "$GATEWAY_URL"; echo "gateway rejected API key" >&2; exit 3',
  ];
  out.push(...pay);
  out.push(
    service({
      name: 'promo',
      namespace: NS,
      labels: part('promo', 'backend'),
      selector: { app: 'promotions' },
      ports: [{ port: 80, targetPort: 8080 }],
    }),
  );
  out.push(
    ...database('cart-redis', 'redis:7.2.5-alpine', 6379, '2Gi', '100m', '256Mi', [
      fromSecret('REDIS_PASSWORD', 'shop-db-credentials', 'redis-password'),
    ]),
    ...database('catalog-mongo', 'mongo:7.0.12', 27017, '10Gi', '250m', '512Mi', [
      { name: 'MONGO_INITDB_ROOT_USERNAME', value: 'catalog' },
      fromSecret('MONGO_INITDB_ROOT_PASSWORD', 'shop-db-credentials', 'mongo-password'),
    ]),
    ...database('orders-postgres', 'postgres:16.3', 5432, '20Gi', '250m', '512Mi', [
      { name: 'POSTGRES_DB', value: 'orders' },
      fromSecret('POSTGRES_PASSWORD', 'shop-db-credentials', 'postgres-password'),
    ]),
    ...database('users-postgres', 'postgres:16.3', 5432, '5Gi', '200m', '384Mi', [
      { name: 'POSTGRES_DB', value: 'users' },
      fromSecret('POSTGRES_PASSWORD', 'shop-db-credentials', 'postgres-password'),
    ]),
  );
  // A legacy importer that runs privileged, and a report builder nobody can schedule.
  out.push(
    deployment({
      name: 'legacy-importer',
      namespace: NS,
      labels: part('legacy-importer', 'batch', '0.9.4'),
      containers: [
        container({
          name: 'importer',
          image: `${IMG}/legacy-importer:0.9.4`,
          cpu: '50m',
          memory: '64Mi',
          securityContext: { privileged: true, runAsUser: 0 },
        }),
      ],
    }),
  );
  out.push(
    deployment({
      name: 'report-builder',
      namespace: NS,
      labels: part('report-builder', 'batch', '2.1.0'),
      containers: [
        container({ name: 'builder', image: `${IMG}/report-builder:2.1.0`, cpu: '500m', memory: '64Gi' }),
      ],
    }),
  );
  out.push(
    cronJob({
      name: 'order-reconciler',
      namespace: NS,
      labels: part('order-reconciler', 'batch'),
      schedule: '*/5 * * * *',
      containers: [
        container({
          name: 'reconcile',
          image: `${IMG}/order-tools:1.8.2`,
          cpu: '50m',
          memory: '64Mi',
          command: ['order-tools', 'reconcile', '--since=10m'],
        }),
      ],
    }),
  );
  out.push({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'storefront',
      namespace: NS,
      labels: part('frontend', 'edge'),
      annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' },
    },
    spec: {
      ingressClassName: opts.ingressClass,
      tls: [{ hosts: [opts.ingressHost], secretName: 'storefront-tls' }],
      rules: [
        {
          host: opts.ingressHost,
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'frontend', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
  });
  const np = (name: string, podSelector: Labels, from: Labels[], port: number): KObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace: NS, labels: part('shop', 'security') },
    spec: {
      podSelector: { matchLabels: podSelector },
      policyTypes: ['Ingress'],
      ingress: [
        { from: from.map((l) => ({ podSelector: { matchLabels: l } })), ports: [{ protocol: 'TCP', port }] },
      ],
    },
  });
  out.push({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny-ingress', namespace: NS, labels: part('shop', 'security') },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  });
  out.push(
    np(
      'allow-frontend-to-backends',
      { 'app.kubernetes.io/component': 'backend' },
      [{ app: 'frontend' }],
      8080,
    ),
  );
  out.push(np('allow-cart-to-redis', { app: 'cart-redis' }, [{ app: 'cart' }], 6379));
  out.push(np('allow-order-to-postgres', { app: 'orders-postgres' }, [{ app: 'order' }], 5432));
  out.push({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'frontend', namespace: NS, labels: part('frontend', 'backend') },
    spec: { minAvailable: 2, selector: { matchLabels: { app: 'frontend' } } },
  });
  out.push({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'frontend', namespace: NS, labels: part('frontend', 'backend') },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'frontend' },
      minReplicas: 3,
      maxReplicas: 8,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
        },
      ],
    },
  });
  out.push({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'shop-quota', namespace: NS },
    spec: { hard: { 'requests.cpu': '8', 'requests.memory': '96Gi', pods: '60' } },
  });
  out.push({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'shop-defaults', namespace: NS },
    spec: {
      limits: [
        {
          type: 'Container',
          default: { cpu: '500m', memory: '512Mi' },
          defaultRequest: { cpu: '100m', memory: '128Mi' },
        },
      ],
    },
  });
  return out;
}
