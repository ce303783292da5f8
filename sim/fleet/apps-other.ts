/** More sample workloads written for the demo: a blog, a monitoring stack, a log agent and storage classes. */
import type { KObject } from '../store/api';
import {
  configMap,
  container,
  daemonSet,
  deployment,
  job,
  namespace,
  secret,
  service,
  serviceAccount,
  statefulSet,
  type Labels,
} from './builders';

const l = (name: string, partOf: string, component: string, version: string): Labels => ({
  app: name,
  'app.kubernetes.io/name': name,
  'app.kubernetes.io/part-of': partOf,
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/version': version,
});

export function blogApp(): KObject[] {
  const NS = 'blog';
  const web = l('ghost', 'blog', 'web', '5.87.1');
  const db = l('blog-mysql', 'blog', 'database', '8.0.39');
  return [
    namespace(NS, { environment: 'staging' }),
    secret('blog-mysql', NS, db, { 'root-password': 'demo-Only-31c0', password: 'demo-Only-8e2b' }),
    configMap('ghost-config', NS, web, {
      url: 'https://blog.harbor-goods.example',
      'mail.transport': 'SMTP',
    }),
    serviceAccount('ghost', NS, web),
    deployment({
      name: 'ghost',
      namespace: NS,
      labels: web,
      replicas: 2,
      serviceAccountName: 'ghost',
      containers: [
        container({
          name: 'ghost',
          image: 'ghost:5.87.1-alpine',
          port: 2368,
          cpu: '200m',
          memory: '256Mi',
          memoryLimit: '512Mi',
          cpuLimit: '1',
          probePath: '/ghost/api/admin/site/',
          env: [
            { name: 'database__client', value: 'mysql' },
            { name: 'database__connection__host', value: 'blog-mysql' },
            {
              name: 'database__connection__password',
              valueFrom: { secretKeyRef: { name: 'blog-mysql', key: 'password' } },
            },
          ],
        }),
      ],
    }),
    service({
      name: 'ghost',
      namespace: NS,
      labels: web,
      selector: { app: 'ghost' },
      ports: [{ port: 80, targetPort: 'http' }],
      type: 'LoadBalancer',
    }),
    service({
      name: 'blog-mysql',
      namespace: NS,
      labels: db,
      selector: { app: 'blog-mysql' },
      ports: [{ name: 'mysql', port: 3306 }],
      headless: true,
    }),
    statefulSet({
      name: 'blog-mysql',
      namespace: NS,
      labels: db,
      serviceName: 'blog-mysql',
      storage: '8Gi',
      containers: [
        container({
          name: 'mysql',
          image: 'mysql:8.0.39',
          port: 3306,
          portName: 'mysql',
          cpu: '250m',
          memory: '512Mi',
          memoryLimit: '1Gi',
          probes: 'tcp',
          volumeMounts: [{ name: 'data', mountPath: '/var/lib/mysql' }],
          env: [
            {
              name: 'MYSQL_ROOT_PASSWORD',
              valueFrom: { secretKeyRef: { name: 'blog-mysql', key: 'root-password' } },
            },
          ],
        }),
      ],
    }),
    // Deliberate problem: the resizer's memory limit is too small for its images, so it is OOMKilled.
    deployment({
      name: 'image-resizer',
      namespace: NS,
      labels: l('image-resizer', 'blog', 'media', '0.4.1'),
      podAnnotations: { 'sim.flotilla.dev/oom': 'resizer' },
      containers: [
        container({
          name: 'resizer',
          image: 'ghcr.io/flotilla-demo/image-resizer:0.4.1',
          port: 8080,
          cpu: '100m',
          memory: '64Mi',
          memoryLimit: '96Mi',
        }),
      ],
    }),
    job({
      name: 'ghost-db-migrate',
      namespace: NS,
      labels: l('ghost-db-migrate', 'blog', 'migration', '5.87.1'),
      containers: [
        container({
          name: 'migrate',
          image: 'ghost:5.87.1-alpine',
          cpu: '100m',
          memory: '128Mi',
          command: ['knex-migrator', 'migrate'],
        }),
      ],
      backoffLimit: 2,
    }),
  ];
}

export function monitoringApp(): KObject[] {
  const NS = 'monitoring';
  const prom = l('prometheus', 'monitoring', 'server', '2.53.1');
  const graf = l('grafana', 'monitoring', 'dashboards', '11.1.3');
  const agent = l('log-agent', 'monitoring', 'logging', '3.1.6');
  const ne = l('node-exporter', 'monitoring', 'metrics', '1.8.2');
  const all = [{ operator: 'Exists' }];
  return [
    namespace(NS, { 'pod-security.kubernetes.io/enforce': 'privileged' }),
    serviceAccount('prometheus', NS, prom),
    configMap('prometheus-config', NS, prom, {
      'prometheus.yml':
        'global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: kubernetes-pods\n    kubernetes_sd_configs:\n      - role: pod\n',
    }),
    statefulSet({
      name: 'prometheus',
      namespace: NS,
      labels: prom,
      serviceName: 'prometheus',
      storage: '50Gi',
      serviceAccountName: 'prometheus',
      containers: [
        container({
          name: 'prometheus',
          image: 'quay.io/prometheus/prometheus:v2.53.1',
          port: 9090,
          cpu: '500m',
          memory: '1Gi',
          memoryLimit: '2Gi',
          cpuLimit: '1',
          probePath: '/-/ready',
          volumeMounts: [{ name: 'data', mountPath: '/prometheus' }],
        }),
      ],
    }),
    service({
      name: 'prometheus',
      namespace: NS,
      labels: prom,
      selector: { app: 'prometheus' },
      ports: [{ name: 'web', port: 9090, targetPort: 'http' }],
    }),
    deployment({
      name: 'grafana',
      namespace: NS,
      labels: graf,
      containers: [
        container({
          name: 'grafana',
          image: 'grafana/grafana:11.1.3',
          port: 3000,
          cpu: '100m',
          memory: '192Mi',
          memoryLimit: '384Mi',
          probePath: '/api/health',
        }),
      ],
    }),
    service({
      name: 'grafana',
      namespace: NS,
      labels: graf,
      selector: { app: 'grafana' },
      ports: [{ port: 80, targetPort: 'http' }],
    }),
    serviceAccount('log-agent', NS, agent),
    daemonSet({
      name: 'log-agent',
      namespace: NS,
      labels: agent,
      serviceAccountName: 'log-agent',
      tolerations: all,
      containers: [
        container({
          name: 'fluent-bit',
          image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.6',
          port: 2020,
          cpu: '50m',
          memory: '64Mi',
          memoryLimit: '128Mi',
          probePath: '/api/v1/health',
          volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }],
        }),
      ],
      volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
    }),
    daemonSet({
      name: 'node-exporter',
      namespace: NS,
      labels: ne,
      hostNetwork: true,
      containers: [
        container({
          name: 'node-exporter',
          image: 'quay.io/prometheus/node-exporter:v1.8.2',
          port: 9100,
          portName: 'metrics',
          cpu: '25m',
          memory: '32Mi',
          memoryLimit: '64Mi',
          probes: 'tcp',
          args: ['--path.rootfs=/host'],
        }),
      ],
    }),
    service({
      name: 'node-exporter',
      namespace: NS,
      labels: ne,
      selector: { app: 'node-exporter' },
      ports: [{ name: 'metrics', port: 9100 }],
    }),
  ];
}

export function storageClasses(provider: 'vsphere' | 'aws' | 'azure'): KObject[] {
  const sc = (
    name: string,
    provisioner: string,
    isDefault: boolean,
    parameters: Record<string, string>,
  ): KObject => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {},
    },
    provisioner,
    parameters,
    reclaimPolicy: 'Delete',
    volumeBindingMode: isDefault ? 'WaitForFirstConsumer' : 'Immediate',
    allowVolumeExpansion: true,
  });
  if (provider === 'vsphere')
    return [
      sc('default', 'csi.vsphere.vmware.com', true, { storagePolicyName: 'vSAN Default Storage Policy' }),
    ];
  if (provider === 'aws')
    return [
      sc('gp3', 'ebs.csi.aws.com', true, { type: 'gp3', fsType: 'ext4' }),
      sc('io2', 'ebs.csi.aws.com', false, { type: 'io2', iopsPerGB: '50' }),
    ];
  return [
    sc('managed-csi', 'disk.csi.azure.com', true, { skuname: 'StandardSSD_LRS' }),
    sc('managed-csi-premium', 'disk.csi.azure.com', false, { skuname: 'Premium_LRS' }),
  ];
}

export function ingressClass(name: string, controller: string): KObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name, annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
    spec: { controller },
  };
}
