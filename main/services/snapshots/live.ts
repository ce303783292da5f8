import type { KubeConfig } from '@kubernetes/client-node';
import { parseQuantity } from '../../../shared/nodes/quantity';
import { readPodLog } from '../../kube/logs';
import { kubeRequest } from '../../kube/request';
import type { LogRow, MetricRow } from './writer';

/**
 * What a capture reads from the cluster itself because the cache does not hold it: secret keys
 * (and values only when asked), metrics.k8s.io samples and pod log tails. Each is best effort:
 * a cluster that refuses (RBAC, no metrics-server) simply contributes nothing.
 */

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const TIMEOUT_MS = 15_000;

/** Pages through a list endpoint (limit/continue). */
async function listAll(kc: KubeConfig, path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  let next = '';
  for (let i = 0; i < 1000; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const body = obj(
      await kubeRequest(kc, `${path}${sep}limit=500${next ? `&continue=${encodeURIComponent(next)}` : ''}`, {
        timeoutMs: TIMEOUT_MS,
      }),
    );
    if (Array.isArray(body.items)) out.push(...(body.items as unknown[]));
    const cont = obj(body.metadata).continue;
    if (typeof cont !== 'string' || cont === '') break;
    next = cont;
  }
  return out;
}

/** Every Secret's data by "namespace/name": the keys, with values only when `values`. */
export async function readSecretData(
  kc: KubeConfig,
  values: boolean,
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  for (const item of await listAll(kc, '/api/v1/secrets')) {
    const meta = obj(obj(item).metadata);
    const data = obj(obj(item).data);
    const kept: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) kept[k] = values && typeof v === 'string' ? v : '';
    out.set(`${String(meta.namespace)}/${String(meta.name)}`, kept);
  }
  return out;
}

/**
 * A Secret's stored body with `data` set from the cluster (keys only, unless values were read).
 * Whatever the body held under data or stringData is dropped first: only `data` survives.
 */
export function withSecretData(body: string, data: Record<string, string> | undefined): string {
  const parsed = obj(JSON.parse(body) as unknown);
  delete parsed.data;
  delete parsed.stringData;
  if (data) parsed.data = data;
  return JSON.stringify(parsed);
}

/** Node and pod usage from metrics.k8s.io (none when the cluster does not serve it). */
export async function readMetrics(kc: KubeConfig, cluster: string): Promise<MetricRow[]> {
  const rows: MetricRow[] = [];
  for (const kind of ['Node', 'Pod'] as const) {
    const path = `/apis/metrics.k8s.io/v1beta1/${kind === 'Node' ? 'nodes' : 'pods'}`;
    const items = await listAll(kc, path).catch(() => []);
    for (const item of items) {
      const meta = obj(obj(item).metadata);
      let cpu = 0;
      let memory = 0;
      if (kind === 'Node') {
        cpu = parseQuantity(obj(obj(item).usage).cpu);
        memory = parseQuantity(obj(obj(item).usage).memory);
      } else {
        const containers = Array.isArray(obj(item).containers) ? (obj(item).containers as unknown[]) : [];
        for (const c of containers) {
          cpu += parseQuantity(obj(obj(c).usage).cpu) || 0;
          memory += parseQuantity(obj(obj(c).usage).memory) || 0;
        }
      }
      rows.push({
        cluster,
        kind,
        namespace: typeof meta.namespace === 'string' ? meta.namespace : '',
        name: String(meta.name ?? ''),
        cpu: Number.isFinite(cpu) ? cpu : null,
        memory: Number.isFinite(memory) ? memory : null,
        window: typeof obj(item).window === 'string' ? (obj(item).window as string) : null,
        timestamp: typeof obj(item).timestamp === 'string' ? (obj(item).timestamp as string) : null,
      });
    }
  }
  return rows;
}

/** The last lines of every container of these pods (pods whose logs cannot be read are skipped). */
export async function readLogTails(
  kc: KubeConfig,
  cluster: string,
  pods: ReadonlyArray<{ namespace: string; name: string; json: string }>,
  check: () => void,
  tailLines = 50,
): Promise<LogRow[]> {
  const targets = pods.flatMap((p) => {
    const spec = obj(obj(JSON.parse(p.json) as unknown).spec);
    const containers = Array.isArray(spec.containers) ? (spec.containers as unknown[]) : [];
    return containers
      .map((c) => obj(c).name)
      .filter((n): n is string => typeof n === 'string')
      .map((container) => ({ namespace: p.namespace, pod: p.name, container }));
  });
  const rows: LogRow[] = [];
  const queue = [...targets];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      check();
      try {
        const { lines } = await readPodLog(kc, t, { tailLines }, { timeoutMs: 10_000 });
        rows.push({
          cluster,
          namespace: t.namespace,
          pod: t.pod,
          container: t.container,
          text: lines.join('\n'),
        });
      } catch {
        // a pod that is gone or not started has no log to keep
      }
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return rows.sort((a, b) =>
    `${a.namespace}/${a.pod}/${a.container}`.localeCompare(`${b.namespace}/${b.pod}/${b.container}`),
  );
}
