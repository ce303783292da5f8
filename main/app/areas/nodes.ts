import type { KubeConfig } from '@kubernetes/client-node';
import type { z } from 'zod';
import type { nodeCalls, NodeRow } from '../../../shared/contract/nodes';
import { podOnNode, requestsByNode, type PodOnNode } from '../../../shared/nodes/allocation';
import { nodeFacts } from '../../../shared/nodes/facts';
import type { Logger } from '../../services/log';
import type { Db } from '../../store/db';
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

const inList = (n: number) => new Array(n).fill('?').join(', ');

export function createNodesArea(ctx: Ctx): NodesArea {
  const configs = new Map<string, KubeConfig>();
  const metrics = createNodeMetricsReader({
    log: ctx.log,
    ttlMs: ctx.metricsTtlMs,
    kubeConfigFor: (id) => ctx.kubeConfigFor?.(id) ?? configs.get(id),
  });

  function rows(kind: 'Node' | 'Pod', source: string, clusters: string[] | undefined, names?: string[]) {
    const where = ['o.source = ?', 'o.kind = ?', "o.api_group = ''"];
    const params: string[] = [source, kind];
    if (clusters) {
      where.push(`o.cluster IN (${inList(clusters.length)})`);
      params.push(...clusters);
    }
    if (kind === 'Pod') where.push('o.node_name IS NOT NULL');
    if (names && kind === 'Node') {
      where.push(`o.name IN (${inList(names.length)})`);
      params.push(...names);
    }
    if (names && kind === 'Pod') {
      where.push(`o.node_name IN (${inList(names.length)})`);
      params.push(...names);
    }
    return ctx.db
      .prepare<string[], { cluster: string; json: string }>(
        `SELECT o.cluster AS cluster, b.json AS json FROM objects o JOIN object_bodies b ON b.id = o.id
         WHERE ${where.join(' AND ')} ORDER BY o.cluster, o.name`,
      )
      .all(...params);
  }

  const handlers: NodeHandlers = {
    'nodes.list': async ({ source, clusters, names, usage }) => {
      if (clusters?.length === 0 || names?.length === 0) return { items: [], metrics: [] };
      const podsByCluster = new Map<string, PodOnNode[]>();
      for (const row of rows('Pod', source, clusters, names)) {
        let list = podsByCluster.get(row.cluster);
        if (!list) podsByCluster.set(row.cluster, (list = []));
        list.push(podOnNode(JSON.parse(row.json)));
      }
      const items: NodeRow[] = [];
      const nodeRows = rows('Node', source, clusters, names);
      const present = [...new Set(nodeRows.map((r) => r.cluster))];
      const usageOf = new Map(
        usage && source === 'live'
          ? await Promise.all(present.map(async (c) => [c, await metrics.read(c)] as const))
          : [],
      );
      const requests = new Map([...podsByCluster].map(([c, pods]) => [c, requestsByNode(pods)]));
      for (const row of nodeRows) {
        const f = nodeFacts(JSON.parse(row.json));
        const req = requests.get(row.cluster)?.get(f.name);
        items.push({
          cluster: row.cluster,
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
          usage: usageOf.get(row.cluster)?.byNode.get(f.name),
        });
      }
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
