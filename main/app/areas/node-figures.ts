import {
  podOnNode,
  requestsByNode,
  type NodeRequests,
  type PodOnNode,
} from '../../../shared/nodes/allocation';
import { nodeFacts, type NodeFacts } from '../../../shared/nodes/facts';
import type { Db } from '../../store/db';

/**
 * Reads nodes and the requests of the pods bound to them from the object table, parsing a body
 * only when its resourceVersion changed since the last read: at 100,000 pods a refresh reads one
 * narrow index scan and the few bodies that changed, not every body.
 */

export interface NodeFiguresReader {
  nodes(source: string, clusters?: string[], names?: string[]): Array<{ cluster: string; facts: NodeFacts }>;
  /** Requests per cluster, per node name (non-terminated pods only). */
  requests(source: string, clusters?: string[], names?: string[]): Map<string, Map<string, NodeRequests>>;
}

interface Row {
  id: number;
  rv: string;
  cluster: string;
}

type Cache<T> = Map<number, { rv: string; cluster: string; value: T }>;

const inList = (n: number) => new Array(n).fill('?').join(', ');

export function createNodeFiguresReader(db: Db): NodeFiguresReader {
  const body = db.prepare<[number], { json: string }>('SELECT json FROM object_bodies WHERE id = ?');
  const podCache: Cache<PodOnNode> = new Map();
  const nodeCache: Cache<NodeFacts> = new Map();

  function scan(kind: 'Node' | 'Pod', source: string, clusters?: string[], names?: string[]): Row[] {
    const where = ['source = ?', 'kind = ?', "api_group = ''"];
    const params: string[] = [source, kind];
    if (clusters) {
      where.push(`cluster IN (${inList(clusters.length)})`);
      params.push(...clusters);
    }
    if (kind === 'Pod') where.push('node_name IS NOT NULL');
    if (names) {
      where.push(`${kind === 'Pod' ? 'node_name' : 'name'} IN (${inList(names.length)})`);
      params.push(...names);
    }
    return db
      .prepare<string[], Row>(
        `SELECT id, resource_version AS rv, cluster FROM objects WHERE ${where.join(' AND ')} ORDER BY cluster, name`,
      )
      .all(...params);
  }

  function cached<T>(cache: Cache<T>, row: Row, parse: (o: unknown) => T): T | undefined {
    const hit = cache.get(row.id);
    if (hit && hit.rv === row.rv) return hit.value;
    const found = body.get(row.id);
    if (!found) return undefined;
    const value = parse(JSON.parse(found.json));
    cache.set(row.id, { rv: row.rv, cluster: row.cluster, value });
    return value;
  }

  /** After a scan of whole clusters (no name filter), forgets rows of those clusters that are gone. */
  function prune<T>(cache: Cache<T>, rows: Row[], clusters: string[] | undefined): void {
    const live = new Set(rows.map((r) => r.id));
    const scanned = clusters ? new Set(clusters) : undefined;
    for (const [id, entry] of cache) {
      if (!live.has(id) && (!scanned || scanned.has(entry.cluster))) cache.delete(id);
    }
  }

  return {
    nodes(source, clusters, names) {
      const rows = scan('Node', source, clusters, names);
      if (!names) prune(nodeCache, rows, clusters);
      const out: Array<{ cluster: string; facts: NodeFacts }> = [];
      for (const row of rows) {
        const facts = cached(nodeCache, row, nodeFacts);
        if (facts) out.push({ cluster: row.cluster, facts });
      }
      return out;
    },
    requests(source, clusters, names) {
      const rows = scan('Pod', source, clusters, names);
      if (!names) prune(podCache, rows, clusters);
      const byCluster = new Map<string, PodOnNode[]>();
      for (const row of rows) {
        const pod = cached(podCache, row, podOnNode);
        if (!pod) continue;
        let list = byCluster.get(row.cluster);
        if (!list) byCluster.set(row.cluster, (list = []));
        list.push(pod);
      }
      return new Map([...byCluster].map(([c, pods]) => [c, requestsByNode(pods)]));
    },
  };
}
