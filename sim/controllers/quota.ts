/** ResourceQuota status: `used` for every resource named in `hard` (pod requests/limits and object counts). */
import { GVR } from './gvr';
import { isActive, specOf, type Container } from './pods';
import { formatCpu, quantityOr0 } from './quantity';
import type { Controller, Runtime } from './runtime';

export const QUOTA = 'resourcequota';
const QUOTAS = 'v1/resourcequotas';
const COUNTED: Record<string, string> = {
  services: GVR.services,
  configmaps: 'v1/configmaps',
  secrets: 'v1/secrets',
  persistentvolumeclaims: GVR.pvcs,
  'count/deployments.apps': GVR.deployments,
  'count/jobs.batch': GVR.jobs,
};

const formatMem = (bytes: number): string =>
  bytes % 2 ** 30 === 0
    ? `${bytes / 2 ** 30}Gi`
    : bytes % 2 ** 20 === 0
      ? `${bytes / 2 ** 20}Mi`
      : String(Math.round(bytes));

function podTotals(rt: Runtime, ns: string): Record<string, string> {
  const pods = rt.cache.inNamespace(GVR.pods, ns).filter(isActive);
  const sum = (kind: 'requests' | 'limits', r: string) =>
    pods.reduce(
      (n, p) =>
        n +
        ((specOf(p).containers ?? []) as Container[]).reduce(
          (m, c) =>
            m +
            quantityOr0(
              c.resources?.[kind]?.[r] ?? (kind === 'requests' ? c.resources?.limits?.[r] : undefined),
            ),
          0,
        ),
      0,
    );
  return {
    pods: String(pods.length),
    'requests.cpu': formatCpu(sum('requests', 'cpu')),
    cpu: formatCpu(sum('requests', 'cpu')),
    'limits.cpu': formatCpu(sum('limits', 'cpu')),
    'requests.memory': formatMem(sum('requests', 'memory')),
    memory: formatMem(sum('requests', 'memory')),
    'limits.memory': formatMem(sum('limits', 'memory')),
  };
}

export const quotaController: Controller = {
  name: QUOTA,
  watches: [QUOTAS, GVR.pods, ...Object.values(COUNTED)],
  onEvent(event, rt) {
    const ns = event.object.metadata.namespace;
    if (!ns) return;
    if (event.gvr === QUOTAS || event.gvr === GVR.pods || Object.values(COUNTED).includes(event.gvr))
      rt.enqueue(QUOTA, ns);
  },
  start(rt) {
    if (!rt.store.typeOf(QUOTAS)) return;
    for (const q of rt.store.list(QUOTAS)) rt.enqueue(QUOTA, q.metadata.namespace ?? '');
  },
  reconcile(ns, rt) {
    if (!rt.store.typeOf(QUOTAS)) return;
    const quotas = rt.store.list(QUOTAS, { namespace: ns });
    if (quotas.length === 0) return;
    const totals = podTotals(rt, ns);
    for (const q of quotas) {
      const hard = ((q.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {}) as Record<
        string,
        string
      >;
      const used: Record<string, string> = {};
      for (const key of Object.keys(hard)) {
        if (totals[key] !== undefined) used[key] = totals[key] as string;
        else if (COUNTED[key])
          used[key] = String(rt.store.list(COUNTED[key] as string, { namespace: ns }).length);
      }
      rt.store.mutate(QUOTAS, ns, q.metadata.name ?? '', (o) => void (o.status = { hard, used }));
    }
  },
};
