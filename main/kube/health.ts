import type { KubeConfig } from '@kubernetes/client-node';
import type { ComponentHealth } from '../../shared/contract/fleet';
import { toNodeLite, toPodLite, type NodeLite, type PodLite } from './lite';
import { kubeRequest, listAll } from './request';

/** One check line of /livez?verbose or /readyz?verbose: "[+]etcd ok", "[-]etcd failed: reason withheld". */
export interface HealthCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export function parseHealthz(text: string): HealthCheck[] {
  const out: HealthCheck[] = [];
  for (const line of text.split('\n')) {
    const m = /^\[([+-])\]([^\s]+)\s*(.*)$/.exec(line.trim());
    if (m) out.push({ name: m[2]!, ok: m[1] === '+', detail: m[3]!.trim() });
  }
  return out;
}

/** What the API tells about the control plane, gathered by `readControlPlane`. */
export interface ControlPlaneFacts {
  livez?: HealthCheck[] | Error;
  readyz?: HealthCheck[] | Error;
  /** /api/v1/componentstatuses items (deprecated but still served by many clusters). */
  componentStatuses?: Array<{ name: string; healthy: boolean; message: string }>;
  /** kube-system pods. */
  systemPods: PodLite[];
}

const COMPONENTS: Array<{ name: string; podComponent: string; statusPrefix: string; check?: string }> = [
  { name: 'kube-apiserver', podComponent: 'kube-apiserver', statusPrefix: '' },
  { name: 'etcd', podComponent: 'etcd', statusPrefix: 'etcd', check: 'etcd' },
  { name: 'scheduler', podComponent: 'kube-scheduler', statusPrefix: 'scheduler' },
  { name: 'controller-manager', podComponent: 'kube-controller-manager', statusPrefix: 'controller-manager' },
];

function podVerdict(pods: PodLite[], component: string): ComponentHealth | undefined {
  const mine = pods.filter(
    (p) =>
      p.labels.component === component ||
      p.labels['k8s-app'] === component ||
      p.name.startsWith(`${component}-`),
  );
  if (mine.length === 0) return undefined;
  const bad = mine.filter((p) => p.phase !== 'Running' || !p.ready);
  return {
    name: '',
    status: bad.length === 0 ? 'healthy' : 'unhealthy',
    message:
      bad.length === 0
        ? `${mine.length} pod${mine.length > 1 ? 's' : ''} running and ready`
        : `${bad.length} of ${mine.length} pods not ready: ${bad.map((p) => `${p.name} (${p.phase})`).join(', ')}`,
    source: 'kube-system pods',
  };
}

/**
 * Health of the API server, etcd, scheduler and controller-manager from whatever the
 * cluster exposes: /livez and /readyz for the API server and etcd, kube-system pods for
 * static control-plane pods, componentstatuses as a last resort. Managed control planes
 * (EKS, AKS, GKE) show none of the pods: those components are reported as unknown.
 */
export function componentHealth(facts: ControlPlaneFacts): ComponentHealth[] {
  return COMPONENTS.map((c) => {
    if (c.name === 'kube-apiserver') {
      const checks = Array.isArray(facts.readyz)
        ? facts.readyz
        : Array.isArray(facts.livez)
          ? facts.livez
          : undefined;
      if (checks) {
        const failed = checks.filter((x) => !x.ok);
        return {
          name: c.name,
          status: failed.length === 0 ? 'healthy' : 'unhealthy',
          message:
            failed.length > 0
              ? `failing: ${failed.map((f) => f.name).join(', ')}`
              : checks.length === 1
                ? `${checks[0]!.name}: ${checks[0]!.detail}`
                : `${checks.length} checks passed`,
          source: Array.isArray(facts.readyz) ? '/readyz' : '/livez',
        };
      }
      const err =
        facts.readyz instanceof Error ? facts.readyz : facts.livez instanceof Error ? facts.livez : undefined;
      const pods = podVerdict(facts.systemPods, c.podComponent);
      if (pods) return { ...pods, name: c.name };
      return {
        name: c.name,
        status: 'unknown',
        message: err ? err.message : 'no health endpoint answered',
        source: '/readyz',
      };
    }
    if (c.check) {
      for (const [source, list] of [
        ['/readyz', facts.readyz],
        ['/livez', facts.livez],
      ] as const) {
        if (!Array.isArray(list)) continue;
        const hit = list.find((x) => x.name === c.check);
        if (hit) {
          return {
            name: c.name,
            status: hit.ok ? 'healthy' : 'unhealthy',
            message: hit.ok ? 'ok' : hit.detail || 'failed',
            source,
          };
        }
      }
    }
    const pods = podVerdict(facts.systemPods, c.podComponent);
    if (pods) return { ...pods, name: c.name };
    const cs = facts.componentStatuses?.filter(
      (s) => s.name === c.statusPrefix || s.name.startsWith(`${c.statusPrefix}-`),
    );
    if (c.statusPrefix && cs && cs.length > 0) {
      const bad = cs.filter((s) => !s.healthy);
      return {
        name: c.name,
        status: bad.length === 0 ? 'healthy' : 'unhealthy',
        message: bad.length === 0 ? 'Healthy' : bad.map((b) => `${b.name}: ${b.message}`).join('; '),
        source: 'componentstatuses',
      };
    }
    return {
      name: c.name,
      status: 'unknown',
      message: 'not visible through the API (a managed control plane hides it)',
      source: 'none',
    };
  });
}

/** What one probe reads from a cluster. */
export interface Observation {
  version: string;
  platform?: string;
  nodes: NodeLite[];
  pods: PodLite[];
  namespaces: number;
  at: string;
}

/** /version, then nodes, pods and namespaces in parallel (paged), all under one deadline. */
export async function observe(
  kc: KubeConfig,
  timeoutMs: number,
  now: () => Date = () => new Date(),
): Promise<Observation> {
  const started = Date.now();
  const v = (await kubeRequest(kc, '/version', { timeoutMs })) as { gitVersion?: string; platform?: string };
  const left = Math.max(1000, timeoutMs - (Date.now() - started));
  const [nodes, pods, namespaces] = await Promise.all([
    listAll(kc, '/api/v1/nodes', left),
    listAll(kc, '/api/v1/pods', left),
    listAll(kc, '/api/v1/namespaces', left),
  ]);
  return {
    version: v.gitVersion ?? 'unknown',
    platform: v.platform,
    nodes: nodes.map(toNodeLite),
    pods: pods.map(toPodLite),
    namespaces: namespaces.length,
    at: now().toISOString(),
  };
}

/** Reads the health endpoints; each one may fail on its own (403, 404) without failing the rest. */
export async function readControlPlane(
  kc: KubeConfig,
  systemPods: PodLite[],
  timeoutMs: number,
): Promise<ControlPlaneFacts> {
  // A server that ignores ?verbose answers just "ok": one passing check named after the endpoint.
  const asText = (path: string) =>
    (kubeRequest(kc, path, { timeoutMs, text: true }) as Promise<string>).then(
      (text) => {
        const checks = parseHealthz(text);
        return checks.length > 0
          ? checks
          : [{ name: path.replace(/^\/|\?.*$/g, ''), ok: true, detail: text.trim() || 'ok' }];
      },
      (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
    );
  const statuses = kubeRequest(kc, '/api/v1/componentstatuses', { timeoutMs }).then(
    (list) =>
      ((list as { items?: unknown[] }).items ?? []).map((item) => {
        const i = item as {
          metadata?: { name?: string };
          conditions?: Array<{ type?: string; status?: string; message?: string; error?: string }>;
        };
        const healthy = i.conditions?.find((c) => c.type === 'Healthy');
        return {
          name: i.metadata?.name ?? '',
          healthy: healthy?.status === 'True',
          message: healthy?.message ?? healthy?.error ?? '',
        };
      }),
    () => undefined,
  );
  const [livez, readyz, componentStatuses] = await Promise.all([
    asText('/livez?verbose'),
    asText('/readyz?verbose'),
    statuses,
  ]);
  return { livez, readyz, componentStatuses, systemPods };
}
