/** Test helpers: a real MemoryStore with the built-in types, a manual clock and a controller manager. */
import { builtinTypes } from '../store/builtin-types';
import { createClusterStore, type MemoryStore } from '../store/memory';
import type { KObject } from '../store/api';
import type { ClusterSpec } from '../fleet/types';
import { ManualClock } from './clock';
import { createControllerManager, type ControllerManager, type ManagerOptions } from './manager';
import type { Timings } from './runtime';

export interface Harness {
  store: MemoryStore;
  clock: ManualClock;
  manager: ControllerManager;
  /** Moves time forward in steps, settling the queue after each. */
  advance(ms: number, stepMs?: number): void;
  create(gvr: string, obj: KObject): KObject;
}

export const FAST: Partial<Timings> = {
  podStartMs: 500,
  crashAfterMs: 1000,
  backoffBaseMs: 2000,
  backoffMaxMs: 16_000,
  jobPodRunMs: 1000,
  terminationMs: 200,
  schedulerRetryMs: 1000,
};

export function gvrOfKind(kind: string): string {
  const map: Record<string, string> = {
    Node: 'v1/nodes',
    Namespace: 'v1/namespaces',
    Pod: 'v1/pods',
    Service: 'v1/services',
    ConfigMap: 'v1/configmaps',
    Secret: 'v1/secrets',
    ServiceAccount: 'v1/serviceaccounts',
    PersistentVolumeClaim: 'v1/persistentvolumeclaims',
    Deployment: 'apps/v1/deployments',
    StatefulSet: 'apps/v1/statefulsets',
    DaemonSet: 'apps/v1/daemonsets',
    ReplicaSet: 'apps/v1/replicasets',
    Job: 'batch/v1/jobs',
    CronJob: 'batch/v1/cronjobs',
    Ingress: 'networking.k8s.io/v1/ingresses',
    NetworkPolicy: 'networking.k8s.io/v1/networkpolicies',
    PodDisruptionBudget: 'policy/v1/poddisruptionbudgets',
    HorizontalPodAutoscaler: 'autoscaling/v2/horizontalpodautoscalers',
    StorageClass: 'storage.k8s.io/v1/storageclasses',
    Role: 'rbac.authorization.k8s.io/v1/roles',
    RoleBinding: 'rbac.authorization.k8s.io/v1/rolebindings',
    ClusterRole: 'rbac.authorization.k8s.io/v1/clusterroles',
    ClusterRoleBinding: 'rbac.authorization.k8s.io/v1/clusterrolebindings',
    ResourceQuota: 'v1/resourcequotas',
    LimitRange: 'v1/limitranges',
    PriorityClass: 'scheduling.k8s.io/v1/priorityclasses',
    IngressClass: 'networking.k8s.io/v1/ingressclasses',
    ReplicationController: 'v1/replicationcontrollers',
  };
  const gvr = map[kind];
  if (!gvr) throw new Error(`testing.gvrOfKind: no resource for kind ${kind}`);
  return gvr;
}

export function harness(spec: ClusterSpec, opts: Partial<ManagerOptions> = {}): Harness {
  const clock = new ManualClock();
  const store = createClusterStore(spec.name, { now: () => new Date(clock.now()) });
  for (const t of builtinTypes()) store.registerType(t);
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease'])
    store.create('v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  for (const o of spec.seed) store.create(gvrOfKind(o.kind), o);
  const manager = createControllerManager({
    store,
    spec,
    clock,
    timings: FAST,
    eventsPerSecond: 10_000,
    ...opts,
  });
  manager.settle();
  return {
    store,
    clock,
    manager,
    advance(ms, stepMs = 100) {
      for (let t = 0; t < ms; t += stepMs) {
        clock.advance(Math.min(stepMs, ms - t));
        manager.settle();
      }
    },
    create: (gvr, obj) => {
      const out = store.create(gvr, obj);
      manager.settle();
      return out;
    },
  };
}
