import type { KubeConfig } from '@kubernetes/client-node';
import type { z } from 'zod';
import type { nodeCalls, NodeRow } from '../../../shared/contract/nodes';
import type { Logger } from '../../services/log';
import type { Db } from '../../store/db';
import { createNodeFiguresReader } from './node-figures';
import { createNodeMetricsReader } from './node-metrics';

/**
 * The nodes area: `nodes.list` computes each node's allocation from the object cache (requests
 * of the non-terminated pods bound to it over its allocatable) and adds usage from
 * metrics.k8s.io where the cluster serves it.
 *
 *   const nodes = createNodesArea({ db, log: log.child('nodes') });
 *   // hand `nodes.tap(objects.service)` to the fleet area as its cache, so metrics can reach clusters
 */

type NodeCalls = typeof nodeCalls;
export type NodeHandlers = {
  [N in keyof NodeCalls]: (
    input: z.output<NodeCalls[N]['input']>,
  ) => Promise<z.output<NodeCalls[N]['output']>>;
};

interface CacheLike {
  start(clusterId: string, kubeConfig: KubeConfig): void;
  stop(clusterId: string, options?: { purge?: boolean }): Promise<void>;
}

export interface NodesArea {
  handlers: NodeHandlers;
  /** Wraps the object cache the fleet starts clusters on, remembering each cluster's kubeconfig. */
  tap<C extends CacheLike>(cache: C): C;
}

interface Ctx {
  db: Db;
  log: Logger;
  kubeConfigFor?: (cluster: string) => KubeConfig | undefined;
  /** How long node metrics are reused (tests use 0). */
  metricsTtlMs?: number;
}

export function createNodesArea(ctx: Ctx): NodesArea {
  const configs = new Map<string, KubeConfig>();
  const metrics = createNodeMetricsReader({
    log: ctx.log,
    ttlMs: ctx.metricsTtlMs,
    kubeConfigFor: (id) => ctx.kubeConfigFor?.(id) ?? configs.get(id),
  });

  const figures = createNodeFiguresReader(ctx.db);

  const handlers: NodeHandlers = {
    'nodes.list': async ({ source, clusters, names, usage }) => {
      if (clusters?.length === 0 || names?.length === 0) return { items: [], metrics: [] };
      const requests = figures.requests(source, clusters, names);
      const nodes = figures.nodes(source, clusters, names);
      const present = [...new Set(nodes.map((n) => n.cluster))];
      const usageOf = new Map(
        usage && source === 'live'
          ? await Promise.all(present.map(async (c) => [c, await metrics.read(c)] as const))
          : [],
      );
      const items: NodeRow[] = nodes.map(({ cluster, facts: f }) => {
        const req = requests.get(cluster)?.get(f.name);
        return {
          cluster,
          name: f.name,
          role: f.role,
          roles: f.roles,
          state: f.state,
          problem: f.problem,
          unschedulable: f.unschedulable,
          kubeletVersion: f.kubeletVersion,
          created: f.created,
          zone: f.zone,
          instanceType: f.instanceType,
          cpu: { requested: req?.cpu ?? 0, allocatable: f.allocatableCpu },
          memory: { requested: req?.memory ?? 0, allocatable: f.allocatableMemory },
          pods: req?.pods ?? 0,
          usage: usageOf.get(cluster)?.byNode.get(f.name),
        };
      });
      return {
        items,
        metrics: [...usageOf].map(([cluster, m]) => ({
          cluster,
          available: m.available,
          message: m.message,
        })),
      };
    },
  };

  return {
    handlers,
    tap(cache) {
      const start = cache.start.bind(cache);
      const stop = cache.stop.bind(cache);
      return Object.assign(Object.create(cache) as typeof cache, {
        start(id: string, kc: KubeConfig) {
          configs.set(id, kc);
          start(id, kc);
        },
        stop(id: string, options?: { purge?: boolean }) {
          configs.delete(id);
          return stop(id, options);
        },
      });
    },
  };
}
