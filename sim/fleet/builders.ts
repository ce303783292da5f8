/** Terse constructors for the objects sample applications are made of. Pure data, no I/O. */
import type { KObject } from '../store/api';

export type Labels = Record<string, string>;

export interface ContainerInput {
  name: string;
  image: string;
  port?: number;
  portName?: string;
  cpu?: string;
  memory?: string;
  cpuLimit?: string;
  memoryLimit?: string;
  /** No resources block at all (a deliberate problem). */
  noResources?: boolean;
  env?: Array<Record<string, unknown>>;
  command?: string[];
  args?: string[];
  probes?: 'http' | 'tcp' | 'exec' | 'none';
  probePath?: string;
  securityContext?: Record<string, unknown>;
  volumeMounts?: Array<Record<string, unknown>>;
}

export function container(c: ContainerInput): Record<string, unknown> {
  const out: Record<string, unknown> = { name: c.name, image: c.image, imagePullPolicy: 'IfNotPresent' };
  if (c.command) out.command = c.command;
  if (c.args) out.args = c.args;
  if (c.port) out.ports = [{ name: c.portName ?? 'http', containerPort: c.port, protocol: 'TCP' }];
  if (c.env) out.env = c.env;
  if (!c.noResources) {
    out.resources = {
      requests: { cpu: c.cpu ?? '100m', memory: c.memory ?? '128Mi' },
      limits: { cpu: c.cpuLimit ?? c.cpu ?? '100m', memory: c.memoryLimit ?? c.memory ?? '128Mi' },
    };
    const limits = (out.resources as { limits: Record<string, string> }).limits;
    for (const key of Object.keys(limits)) if (limits[key] === '') delete limits[key];
  }
  const probes = c.probes ?? (c.port ? 'http' : 'none');
  if (probes !== 'none' && c.port) {
    const handler =
      probes === 'http'
        ? { httpGet: { path: c.probePath ?? '/healthz', port: c.portName ?? 'http' } }
        : probes === 'tcp'
          ? { tcpSocket: { port: c.port } }
          : { exec: { command: ['sh', '-c', 'exit 0'] } };
    out.readinessProbe = { ...handler, initialDelaySeconds: 1, periodSeconds: 10 };
    out.livenessProbe = { ...handler, initialDelaySeconds: 15, periodSeconds: 20 };
  }
  if (c.securityContext) out.securityContext = c.securityContext;
  if (c.volumeMounts) out.volumeMounts = c.volumeMounts;
  out.terminationMessagePath = '/dev/termination-log';
  out.terminationMessagePolicy = 'File';
  return out;
}

export interface WorkloadInput {
  name: string;
  namespace: string;
  labels: Labels;
  replicas?: number;
  containers: Array<Record<string, unknown>>;
  initContainers?: Array<Record<string, unknown>>;
  serviceAccountName?: string;
  volumes?: Array<Record<string, unknown>>;
  nodeSelector?: Labels;
  tolerations?: Array<Record<string, unknown>>;
  annotations?: Labels;
  podAnnotations?: Labels;
  hostNetwork?: boolean;
  priorityClassName?: string;
  restartPolicy?: string;
}

function podSpec(w: WorkloadInput): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    containers: w.containers,
    restartPolicy: w.restartPolicy ?? 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: w.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    serviceAccountName: w.serviceAccountName ?? 'default',
    securityContext: {},
    schedulerName: 'default-scheduler',
  };
  if (w.initContainers) spec.initContainers = w.initContainers;
  if (w.volumes) spec.volumes = w.volumes;
  if (w.nodeSelector) spec.nodeSelector = w.nodeSelector;
  if (w.tolerations) spec.tolerations = w.tolerations;
  if (w.hostNetwork) spec.hostNetwork = true;
  if (w.priorityClassName) spec.priorityClassName = w.priorityClassName;
  return spec;
}

function template(w: WorkloadInput): Record<string, unknown> {
  return {
    metadata: { labels: w.labels, ...(w.podAnnotations ? { annotations: w.podAnnotations } : {}) },
    spec: podSpec(w),
  };
}

const meta = (w: { name: string; namespace: string; labels: Labels; annotations?: Labels }) => ({
  name: w.name,
  namespace: w.namespace,
  labels: w.labels,
  ...(w.annotations ? { annotations: w.annotations } : {}),
});

export function deployment(
  w: WorkloadInput & { maxSurge?: string | number; maxUnavailable?: string | number },
): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(w),
    spec: {
      replicas: w.replicas ?? 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: selectorOf(w.labels) },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: w.maxSurge ?? '25%', maxUnavailable: w.maxUnavailable ?? '25%' },
      },
      template: template(w),
    },
  };
}

export function statefulSet(
  w: WorkloadInput & { serviceName: string; storage?: string; storageClassName?: string },
): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(w),
    spec: {
      replicas: w.replicas ?? 1,
      serviceName: w.serviceName,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      selector: { matchLabels: selectorOf(w.labels) },
      template: template(w),
      volumeClaimTemplates: w.storage
        ? [
            {
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              metadata: { name: 'data' },
              spec: {
                accessModes: ['ReadWriteOnce'],
                ...(w.storageClassName ? { storageClassName: w.storageClassName } : {}),
                resources: { requests: { storage: w.storage } },
                volumeMode: 'Filesystem',
              },
            },
          ]
        : [],
    },
  };
}

export function daemonSet(w: WorkloadInput): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta(w),
    spec: {
      selector: { matchLabels: selectorOf(w.labels) },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
      template: template(w),
    },
  };
}

export function cronJob(w: WorkloadInput & { schedule: string }): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta(w),
    spec: {
      schedule: w.schedule,
      concurrencyPolicy: 'Forbid',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        spec: {
          backoffLimit: 2,
          completions: 1,
          parallelism: 1,
          template: template({ ...w, restartPolicy: 'OnFailure' }),
        },
      },
    },
  };
}

export function job(
  w: WorkloadInput & { completions?: number; parallelism?: number; backoffLimit?: number },
): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(w),
    spec: {
      completions: w.completions ?? 1,
      parallelism: w.parallelism ?? 1,
      backoffLimit: w.backoffLimit ?? 6,
      template: template({ ...w, restartPolicy: w.restartPolicy ?? 'Never' }),
    },
  };
}

/** The labels a selector keeps: the app identity, not version or team. */
export function selectorOf(labels: Labels): Labels {
  const keep = [
    'app',
    'app.kubernetes.io/name',
    'app.kubernetes.io/instance',
    'app.kubernetes.io/component',
    'k8s-app',
    'component',
    'tier',
  ];
  const out: Labels = {};
  for (const k of keep) if (labels[k] !== undefined) out[k] = labels[k];
  return Object.keys(out).length > 0 ? out : labels;
}

export function service(s: {
  name: string;
  namespace: string;
  labels: Labels;
  selector?: Labels;
  ports: Array<{ name?: string; port: number; targetPort?: number | string; nodePort?: number }>;
  type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  headless?: boolean;
}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s.name, namespace: s.namespace, labels: s.labels },
    spec: {
      type: s.type ?? 'ClusterIP',
      ...(s.headless ? { clusterIP: 'None' } : {}),
      ...(s.selector ? { selector: s.selector } : {}),
      ports: s.ports.map((p) => ({
        name: p.name ?? 'http',
        port: p.port,
        targetPort: p.targetPort ?? p.port,
        protocol: 'TCP',
        ...(p.nodePort ? { nodePort: p.nodePort } : {}),
      })),
      sessionAffinity: 'None',
    },
  };
}

export function namespace(name: string, labels: Labels = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } },
    spec: { finalizers: ['kubernetes'] },
  };
}

export function configMap(name: string, ns: string, labels: Labels, data: Record<string, string>): KObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns, labels }, data };
}

export function secret(
  name: string,
  ns: string,
  labels: Labels,
  data: Record<string, string>,
  type = 'Opaque',
): KObject {
  const encoded: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) encoded[k] = Buffer.from(v).toString('base64');
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns, labels }, type, data: encoded };
}

export function serviceAccount(name: string, ns: string, labels: Labels): KObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns, labels } };
}
