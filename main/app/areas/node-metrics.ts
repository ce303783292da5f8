import type { KubeConfig } from '@kubernetes/client-node';
import { parseQuantity } from '../../../shared/nodes/quantity';
import type { NodeUsage } from '../../../shared/contract/nodes';
import { kubeRequest } from '../../kube/request';
import type { Logger } from '../../services/log';

/**
 * Node usage from metrics.k8s.io/v1beta1 (metrics-server), per cluster, cached for a few seconds.
 * A cluster that does not serve the API (404/403/unreachable) is remembered as unavailable for
 * a while, so the Nodes views do not wait on it every time.
 */

export interface ClusterMetrics {
  available: boolean;
  message?: string;
  byNode: Map<string, NodeUsage>;
  at: number;
}

export interface NodeMetricsReader {
  read(cluster: string): Promise<ClusterMetrics>;
}

interface Options {
  kubeConfigFor(cluster: string): KubeConfig | undefined;
  log: Logger;
  ttlMs?: number;
  unavailableTtlMs?: number;
  timeoutMs?: number;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

/** metrics.k8s.io NodeMetricsList body to usage per node name (malformed items skipped). */
export function usageByNode(list: unknown): Map<string, NodeUsage> {
  const out = new Map<string, NodeUsage>();
  for (const item of Array.isArray(obj(list).items) ? (obj(list).items as unknown[]) : []) {
    const name = obj(obj(item).metadata).name;
    const usage = obj(obj(item).usage);
    const cpu = parseQuantity(usage.cpu);
    const memory = parseQuantity(usage.memory);
    if (typeof name === 'string' && Number.isFinite(cpu) && Number.isFinite(memory)) {
      out.set(name, { cpu, memory });
    }
  }
  return out;
}

export function createNodeMetricsReader(o: Options): NodeMetricsReader {
  const ttl = o.ttlMs ?? 10_000;
  const unavailableTtl = o.unavailableTtlMs ?? 60_000;
  const timeout = o.timeoutMs ?? 3_000;
  const cache = new Map<string, ClusterMetrics>();
  const pending = new Map<string, Promise<ClusterMetrics>>();
  return {
    read(cluster) {
      const hit = cache.get(cluster);
      if (hit && Date.now() - hit.at < (hit.available ? ttl : unavailableTtl)) return Promise.resolve(hit);
      const running = pending.get(cluster);
      if (running) return running;
      const kc = o.kubeConfigFor(cluster);
      if (!kc) {
        return Promise.resolve({
          available: false,
          message: 'not connected',
          byNode: new Map(),
          at: Date.now(),
        });
      }
      const job = kubeRequest(kc, '/apis/metrics.k8s.io/v1beta1/nodes', { timeoutMs: timeout })
        .then(
          (body): ClusterMetrics => ({ available: true, byNode: usageByNode(body), at: Date.now() }),
          (error: unknown): ClusterMetrics => {
            const message = error instanceof Error ? error.message : String(error);
            o.log.debug(`no node metrics for ${cluster}: ${message}`);
            return { available: false, message, byNode: new Map(), at: Date.now() };
          },
        )
        .then((m) => {
          cache.set(cluster, m);
          pending.delete(cluster);
          return m;
        });
      pending.set(cluster, job);
      return job;
    },
  };
}
