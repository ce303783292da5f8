import type { KubeObject, ObjectQuery } from './types';

/**
 * Paged views over the object table: what the renderer asks for (a filter, a sort, a window)
 * and what it gets back (summaries with the selected fields, and a total).
 */

export const SORT_KEYS = [
  'name',
  'namespace',
  'cluster',
  'kind',
  'created',
  'status',
  'node',
  'ready',
  'restarts',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ObjectPageQuery extends ObjectQuery {
  /** Pods on a node. */
  nodeName?: string;
  /** Objects controlled by (or events about) an object. */
  owner?: { kind: string; name: string };
  /** Values of the status column (pod status, workload readiness, node readiness …). */
  statuses?: string[];
  sort?: SortKey;
  dir?: 'asc' | 'desc';
  /** Offset paging (virtualised tables jump anywhere) … */
  offset?: number;
  /** … or keyset paging from the `next` cursor of the previous page. */
  after?: string;
  limit?: number;
  /** Include each object's JSON (false: summaries only). */
  withObject?: boolean;
}

export interface ObjectSummary {
  source: string;
  cluster: string;
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  labels: Record<string, string>;
  /** metadata.creationTimestamp, '' when unknown. */
  created: string;
  status: string | null;
  nodeName: string | null;
  ownerKind: string | null;
  ownerName: string | null;
  ready: number | null;
  desired: number | null;
  restarts: number | null;
  object?: KubeObject;
}

export interface ObjectPage {
  /** Rows matching the filter, in all. */
  total: number;
  offset: number;
  items: ObjectSummary[];
  /** Cursor for the page after this one (keyset paging); absent on the last page. */
  next?: string;
}

export interface SearchQuery {
  /** Free text: each word must appear in the name, namespace, kind or a label (`key=value`). */
  text: string;
  source?: string;
  clusters?: string[];
  kinds?: string[];
  limit?: number;
}

export interface SearchResult {
  items: ObjectSummary[];
  /** Matches in all, counted up to 1000 (the list is cut at `limit`; 1000 means "1000 or more"). */
  total: number;
  elapsedMs: number;
}

export type CountDimension = 'kind' | 'cluster' | 'namespace' | 'status';
