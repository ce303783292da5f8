/** Defaulting on create/update, as the real API server's defaulters do for the common types. */
import type { KObject } from '../store/api';
import type { MemoryStore } from '../store/memory';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const setDefault = (o: Obj, key: string, value: unknown): void => {
  if (o[key] === undefined) o[key] = value;
};

function defaultContainer(c: Obj): void {
  const image = String(c.image ?? '');
  const lastPart = image.split('/').pop() ?? '';
  const tagged = lastPart.includes(':') || image.includes('@');
  setDefault(c, 'imagePullPolicy', !tagged || image.endsWith(':latest') ? 'Always' : 'IfNotPresent');
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'resources', {});
  for (const p of (c.ports as Obj[] | undefined) ?? []) setDefault(p, 'protocol', 'TCP');
}

export function defaultPodSpec(spec: Obj, isPod: boolean): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'securityContext', {});
  for (const c of (spec.containers as Obj[] | undefined) ?? []) defaultContainer(c);
  for (const c of (spec.initContainers as Obj[] | undefined) ?? []) defaultContainer(c);
  if (!isPod) return;
  setDefault(spec, 'serviceAccountName', String(spec.serviceAccount ?? 'default'));
  setDefault(spec, 'serviceAccount', spec.serviceAccountName);
  setDefault(spec, 'enableServiceLinks', true);
  setDefault(spec, 'preemptionPolicy', 'PreemptLowerPriority');
  setDefault(spec, 'priority', 0);
  const tolerations = (spec.tolerations as Obj[] | undefined) ?? [];
  const tolerated = new Set(tolerations.map((t) => t.key));
  spec.tolerations = [
    ...tolerations,
    ...[
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ].filter((t) => !tolerated.has(t.key)),
  ];
}

function defaultTemplate(spec: Obj): void {
  const tpl = obj(spec.template);
  tpl.metadata = tpl.metadata ?? {};
  const podSpec = obj(tpl.spec);
  if (tpl.spec) defaultPodSpec(podSpec, false);
}

let ipCounter = 10;
function nextClusterIp(store: MemoryStore): string {
  const used = new Set<string>();
  for (const { object } of store.scan('v1/services')) used.add(String(obj(object.spec).clusterIP));
  for (;;) {
    const n = ipCounter++;
    const ip = `10.96.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
    if (!used.has(ip)) return ip;
  }
}

let nodePortCounter = 30000;

/** Fills defaults into a new object of type `gvr`, in place. */
export function applyDefaults(store: MemoryStore, gvr: string, o: KObject): void {
  const spec = obj(o.spec);
  switch (gvr) {
    case 'v1/pods':
      defaultPodSpec(spec, true);
      o.spec = spec;
      o.status = { phase: 'Pending', qosClass: 'BestEffort', ...obj(o.status) };
      break;
    case 'apps/v1/deployments':
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'progressDeadlineSeconds', 600);
      setDefault(spec, 'strategy', {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      });
      defaultTemplate(spec);
      break;
    case 'apps/v1/replicasets':
    case 'v1/replicationcontrollers':
      setDefault(spec, 'replicas', 1);
      defaultTemplate(spec);
      break;
    case 'apps/v1/statefulsets':
      setDefault(spec, 'replicas', 1);
      setDefault(spec, 'podManagementPolicy', 'OrderedReady');
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'updateStrategy', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
      defaultTemplate(spec);
      break;
    case 'apps/v1/daemonsets':
      setDefault(spec, 'revisionHistoryLimit', 10);
      setDefault(spec, 'updateStrategy', {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: 0, maxUnavailable: 1 },
      });
      defaultTemplate(spec);
      break;
    case 'batch/v1/jobs':
      setDefault(spec, 'backoffLimit', 6);
      setDefault(spec, 'completions', 1);
      setDefault(spec, 'parallelism', 1);
      setDefault(spec, 'completionMode', 'NonIndexed');
      setDefault(spec, 'suspend', false);
      defaultTemplate(spec);
      break;
    case 'batch/v1/cronjobs':
      setDefault(spec, 'concurrencyPolicy', 'Allow');
      setDefault(spec, 'suspend', false);
      setDefault(spec, 'successfulJobsHistoryLimit', 3);
      setDefault(spec, 'failedJobsHistoryLimit', 1);
      break;
    case 'v1/services': {
      setDefault(spec, 'type', 'ClusterIP');
      setDefault(spec, 'sessionAffinity', 'None');
      if (spec.type !== 'ExternalName') {
        if (spec.clusterIP === undefined || spec.clusterIP === '') spec.clusterIP = nextClusterIp(store);
        setDefault(spec, 'clusterIPs', [spec.clusterIP]);
        setDefault(spec, 'ipFamilies', ['IPv4']);
        setDefault(spec, 'ipFamilyPolicy', 'SingleStack');
        setDefault(spec, 'internalTrafficPolicy', 'Cluster');
      }
      for (const p of (spec.ports as Obj[] | undefined) ?? []) {
        setDefault(p, 'protocol', 'TCP');
        setDefault(p, 'targetPort', p.port);
        if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && p.nodePort === undefined)
          p.nodePort = nodePortCounter++;
      }
      if (spec.type === 'NodePort' || spec.type === 'LoadBalancer')
        setDefault(spec, 'externalTrafficPolicy', 'Cluster');
      o.spec = spec;
      o.status = o.status ?? { loadBalancer: {} };
      break;
    }
    case 'v1/namespaces':
      o.metadata.labels = {
        ...(o.metadata.labels ?? {}),
        'kubernetes.io/metadata.name': o.metadata.name ?? '',
      };
      o.spec = { finalizers: ['kubernetes'], ...spec };
      o.status = { phase: 'Active' };
      break;
    case 'v1/secrets':
      setDefault(o, 'type', 'Opaque');
      break;
    case 'v1/persistentvolumeclaims':
      setDefault(spec, 'volumeMode', 'Filesystem');
      o.spec = spec;
      o.status = o.status ?? { phase: 'Pending' };
      break;
    case 'policy/v1/poddisruptionbudgets':
      o.status = o.status ?? {
        currentHealthy: 0,
        desiredHealthy: 0,
        disruptionsAllowed: 0,
        expectedPods: 0,
        observedGeneration: 1,
      };
      break;
  }
}
