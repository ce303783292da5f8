import { z } from 'zod';
import { SORT_KEYS } from '../objects/page';

/**
 * Calls and events of the object cache: paged queries for views, one object, counts, fleet-wide
 * search, and the cache's sync status. The same calls serve live clusters, snapshots and imported
 * manifests (`source`: 'live', 'snapshot:<id>', 'manifests:<id>'); they default to 'live'.
 */

const name = z.string().min(1).max(253);
const source = z.string().min(1).max(200).default('live');
const list = (max: number) => z.array(z.string().max(253)).max(max);
const Labels = z.record(z.string(), z.string());
const KubeObjectSchema = z.record(z.string(), z.unknown());
/** (cluster, namespace) pairs, e.g. a workspace's namespaces across clusters; [] matches nothing. */
const scopes = z
  .array(z.object({ cluster: z.string().min(1).max(253), namespace: z.string().max(253) }).strict())
  .max(20_000);

export const ObjectSummarySchema = z.object({
  source: z.string(),
  cluster: z.string(),
  group: z.string(),
  version: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  uid: z.string(),
  resourceVersion: z.string(),
  labels: Labels,
  created: z.string(),
  status: z.string().nullable(),
  nodeName: z.string().nullable(),
  ownerKind: z.string().nullable(),
  ownerName: z.string().nullable(),
  ready: z.number().nullable(),
  desired: z.number().nullable(),
  restarts: z.number().nullable(),
  object: KubeObjectSchema.optional(),
});

export const ObjectPageQuerySchema = z
  .object({
    source,
    clusters: list(1000).optional(),
    kinds: list(200).optional(),
    namespaces: list(5000).optional(),
    scopes: scopes.optional(),
    /** Kubernetes label selector syntax; a bad one fails with INVALID_ARGUMENT naming the column. */
    labelSelector: z.string().max(4000).optional(),
    text: z.string().max(253).optional(),
    nodeName: z.string().max(253).optional(),
    owner: z.object({ kind: name, name }).strict().optional(),
    statuses: list(50).optional(),
    sort: z.enum(SORT_KEYS).default('name'),
    dir: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().nonnegative().max(10_000_000).optional(),
    after: z.string().max(2000).optional(),
    limit: z.number().int().min(1).max(1000).default(100),
    withObject: z.boolean().default(false),
  })
  .strict();

export const ObjectPageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(ObjectSummarySchema),
  next: z.string().optional(),
});

export const ObjectRefSchema = z
  .object({
    source,
    cluster: name,
    group: z.string().max(253),
    /** Ignored for the lookup (an object is one row whatever version it was read at). */
    version: z.string().max(63).default(''),
    kind: name,
    namespace: z.string().max(253).default(''),
    name,
  })
  .strict();

export const StoredObjectSchema = z.object({
  source: z.string(),
  cluster: z.string(),
  group: z.string(),
  version: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  uid: z.string(),
  resourceVersion: z.string(),
  labels: Labels,
  object: KubeObjectSchema,
});

export const SearchQuerySchema = z
  .object({
    text: z.string().max(200),
    source,
    clusters: list(1000).optional(),
    kinds: list(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const SearchResultSchema = z.object({
  items: z.array(ObjectSummarySchema),
  total: z.number().int(),
  elapsedMs: z.number(),
});

export const CountQuerySchema = z
  .object({
    source,
    clusters: list(1000).optional(),
    kinds: list(200).optional(),
    namespaces: list(5000).optional(),
    scopes: scopes.optional(),
    labelSelector: z.string().max(4000).optional(),
    text: z.string().max(253).optional(),
    by: z.enum(['kind', 'cluster', 'namespace', 'status']),
  })
  .strict();

export const KindStatusSchema = z.object({
  group: z.string(),
  version: z.string(),
  kind: z.string(),
  state: z.enum(['pending', 'syncing', 'synced', 'error', 'unavailable', 'stopped']),
  message: z.string().optional(),
  syncedAt: z.string().optional(),
  retries: z.number().int(),
  lists: z.number().int(),
  errors: z.number().int(),
});

export const CacheStatusSchema = z.object({
  cluster: z.string(),
  state: z.enum(['syncing', 'synced', 'error', 'stopped']),
  message: z.string().optional(),
  kinds: z.array(KindStatusSchema),
});

export const ResourceKindSchema = z
  .object({
    group: z.string().max(253),
    version: z.string().min(1).max(63),
    /** Plural resource name, as in the URL. */
    resource: z.string().min(1).max(253),
    kind: z.string().min(1).max(253),
    namespaced: z.boolean(),
  })
  .strict();

export const objectCalls = {
  /** One page of objects for a view: filter, sort, offset or cursor; with the total. */
  'objects.query': { input: ObjectPageQuerySchema, output: ObjectPageSchema },
  /** One object with its body (NOT_FOUND when it is not cached). */
  'objects.get': { input: ObjectRefSchema, output: StoredObjectSchema },
  /** Counts grouped by kind, cluster, namespace or status. */
  'objects.count': { input: CountQuerySchema, output: z.record(z.string(), z.number().int()) },
  /** Fleet-wide search (Ctrl/Cmd-K): name, kind, namespace or label, across all clusters. */
  'search.query': { input: SearchQuerySchema, output: SearchResultSchema },
  /** The cache's sync status per cluster and kind. */
  'objects.status': {
    input: z.object({ cluster: z.string().optional() }).strict(),
    output: z.array(CacheStatusSchema),
  },
  /** Kinds served by the CustomResourceDefinitions cached for a cluster. */
  'objects.customKinds': { input: z.object({ cluster: name }).strict(), output: z.array(ResourceKindSchema) },
  /** Starts caching one more kind (a custom resource) on a cluster; idempotent. */
  'objects.watchKind': {
    input: z.object({ cluster: name, kind: ResourceKindSchema }).strict(),
    output: z.object({ ok: z.boolean() }),
  },
  /** Ends the back-off waits of a cluster's informers and lists again now. */
  'objects.resync': { input: z.object({ cluster: name }).strict(), output: z.object({ ok: z.boolean() }) },
} as const;

export const objectEvents = {
  /** Objects changed (at most ~4 notices a second): refetch what is on screen. kind '*' means all. */
  'objects.changed': z.object({
    source: z.string(),
    changes: z.array(z.object({ cluster: z.string(), kind: z.string(), count: z.number().int() })),
  }),
  /** A cluster's cache state changed (syncing, synced, error with a message, stopped). */
  'objects.status': CacheStatusSchema,
} as const;
