/** Node lifecycle: kubelet heartbeats on node conditions, and defaults for nodes created bare (e.g. by kubectl). */
import type { KObject } from '../store/api';
import { isoSeconds } from './clock';
import { GVR } from './gvr';
import { statusOf } from './pods';
import type { Controller, Runtime } from './runtime';

export const NODES = 'nodes';
/** Annotation that makes a node's kubelet stop reporting: Ready=Unknown, unreachable taints, no heartbeats. */
export const NODE_DOWN = 'sim.flotilla.dev/node-down';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** What the node lifecycle controller does to a node whose kubelet went quiet. */
function markUnreachable(n: KObject, now: string): void {
  const st = statusOf(n);
  const conditions = (st.conditions as Array<Record<string, string>> | undefined) ?? [];
  for (const c of conditions) {
    if (c.status === 'Unknown') continue;
    c.status = 'Unknown';
    c.reason = 'NodeStatusUnknown';
    c.message = 'Kubelet stopped posting node status.';
    c.lastTransitionTime = now;
  }
  st.conditions = conditions;
  const spec = (n.spec ?? {}) as { taints?: Array<{ key: string; effect: string; timeAdded?: string }> };
  const taints = (spec.taints ?? []).filter((t) => t.key !== UNREACHABLE);
  taints.push(
    { key: UNREACHABLE, effect: 'NoSchedule' },
    { key: UNREACHABLE, effect: 'NoExecute', timeAdded: now },
  );
  const had = (spec.taints ?? []).filter((t) => t.key === UNREACHABLE);
  spec.taints = had.length === 2 ? spec.taints : taints;
  n.spec = spec;
}

const CONDITIONS: Array<[string, string, string, string]> = [
  ['MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
];

/** Fills what a real kubelet would report for a node that was registered without status. */
export function defaultNodeStatus(node: KObject, rt: Runtime, now: string): void {
  const st = statusOf(node);
  st.capacity ??= { cpu: '4', memory: '16393232Ki', pods: '110', 'ephemeral-storage': '101430960Ki' };
  st.allocatable ??= { cpu: '3920m', memory: '15241232Ki', pods: '110', 'ephemeral-storage': '93478772582' };
  st.addresses ??= [
    { type: 'InternalIP', address: `10.250.${rt.rand.int(0, 255)}.${rt.rand.int(2, 254)}` },
    { type: 'Hostname', address: node.metadata.name },
  ];
  st.daemonEndpoints ??= { kubeletEndpoint: { Port: 10250 } };
  st.nodeInfo ??= {
    machineID: rt.rand.hex(32),
    systemUUID: rt.rand.uuid().toUpperCase(),
    bootID: rt.rand.uuid(),
    kernelVersion: '5.15.0-105-generic',
    osImage: 'Ubuntu 22.04.4 LTS',
    containerRuntimeVersion: 'containerd://1.7.16',
    kubeletVersion: rt.spec.kubernetesVersion,
    kubeProxyVersion: rt.spec.kubernetesVersion,
    operatingSystem: 'linux',
    architecture: 'amd64',
  };
  const conditions = (st.conditions as Array<Record<string, string>> | undefined) ?? [];
  for (const [type, status, reason, message] of CONDITIONS)
    if (!conditions.some((c) => c.type === type))
      conditions.push({ type, status, reason, message, lastHeartbeatTime: now, lastTransitionTime: now });
  st.conditions = conditions;
  node.status = st;
}

const LEASES = 'coordination.k8s.io/v1/leases';
const LEASE_NS = 'kube-node-lease';
const microTime = (ms: number) =>
  new Date(ms).toISOString().replace(/\.(\d+)Z$/, (_m, f: string) => `.${f.padEnd(6, '0')}Z`);

/** The node's heartbeat Lease in kube-node-lease, which `kubectl describe node` shows. */
function renewLease(rt: Runtime, node: KObject): void {
  if (!rt.store.typeOf(LEASES) || !rt.cache.get(GVR.namespaces, LEASE_NS)) return;
  const name = node.metadata.name ?? '';
  const renewTime = microTime(rt.now());
  if (rt.store.get(LEASES, LEASE_NS, name)) {
    rt.store.mutate(
      LEASES,
      LEASE_NS,
      name,
      (l) => void ((l.spec as { renewTime: string }).renewTime = renewTime),
    );
    return;
  }
  rt.store.create(LEASES, {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: LEASE_NS,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }],
    },
    spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime },
  });
}

export const nodeController: Controller = {
  name: NODES,
  watches: [GVR.nodes],
  onEvent(event, rt) {
    if (event.gvr !== GVR.nodes || event.type === 'DELETED') return;
    const down = event.object.metadata.annotations?.[NODE_DOWN] === 'true';
    const unknown = (
      (statusOf(event.object).conditions as Array<{ type: string; status: string }> | undefined) ?? []
    ).some((c) => c.type === 'Ready' && c.status === 'Unknown');
    if (event.type === 'ADDED' || down !== unknown) rt.enqueue(NODES, event.object.metadata.name ?? '');
  },
  start(rt) {
    // First heartbeat (and Lease) right away; later ones spread over the period.
    for (const n of rt.cache.all(GVR.nodes)) rt.enqueue(NODES, n.metadata.name ?? '');
  },
  reconcile(name, rt) {
    const node = rt.cache.get(GVR.nodes, name);
    if (!node) return;
    const now = isoSeconds(rt.now());
    if (node.metadata.annotations?.[NODE_DOWN] === 'true') {
      rt.store.mutate(GVR.nodes, undefined, name, (n) => {
        defaultNodeStatus(n, rt, now);
        markUnreachable(n, now);
      });
      rt.events.record(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, {
        component: 'node-controller',
      });
      return;
    }
    rt.store.mutate(GVR.nodes, undefined, name, (n) => {
      defaultNodeStatus(n, rt, now);
      for (const c of (statusOf(n).conditions as Array<Record<string, string>> | undefined) ?? []) {
        c.lastHeartbeatTime = now;
        const healthy = CONDITIONS.find(([type]) => type === c.type);
        if (healthy && c.status === 'Unknown') {
          [, c.status, c.reason, c.message] = healthy as [string, string, string, string];
          c.lastTransitionTime = now;
        }
      }
      const spec = n.spec as { taints?: Array<{ key: string }> } | undefined;
      if (spec?.taints?.some((t) => t.key === UNREACHABLE))
        spec.taints = spec.taints.filter((t) => t.key !== UNREACHABLE);
    });
    renewLease(rt, node);
    // Spread later heartbeats over the period so big clusters see a steady trickle.
    rt.after(rt.timings.heartbeatMs - rt.rand.int(0, Math.floor(rt.timings.heartbeatMs / 4)), NODES, name);
  },
};
