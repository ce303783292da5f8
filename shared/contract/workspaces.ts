import { z } from 'zod';
import { CreateNamed, NAME_RULE, UpdateNamed } from './fleet';

/**
 * Calls and events of workspaces and namespaces. A workspace groups namespaces across clusters;
 * every managed namespace is in exactly one workspace (FLEET-SPEC §1), and `default` always exists.
 * Namespaces themselves come from the live object cache; membership is Flotilla's own record.
 */

const id = z.string().min(1).max(200);
const Labels = z.record(z.string(), z.string());
const nsName = z.string().min(1).max(253);

export const WorkspaceRow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  labels: Labels,
  /** Managed namespaces in it, across clusters. */
  namespaces: z.number().int(),
  /** Clusters those namespaces are on. */
  clusters: z.number().int(),
  createdAt: z.string(),
});
export type WorkspaceRow = z.infer<typeof WorkspaceRow>;

export const NamespaceRow = z.object({
  /** Cluster id. */
  cluster: z.string(),
  clusterName: z.string(),
  name: z.string(),
  managed: z.boolean(),
  workspaceId: z.string().optional(),
  workspaceName: z.string().optional(),
  labels: Labels,
  /** Phase from the cluster (Active, Terminating), or null when the cache has not seen it. */
  status: z.string().nullable(),
  created: z.string().optional(),
});
export type NamespaceRow = z.infer<typeof NamespaceRow>;

export const NamespaceRef = z.object({ cluster: id, name: nsName }).strict();
export type NamespaceRef = z.infer<typeof NamespaceRef>;

export const NamespaceQuery = z
  .object({
    text: z.string().max(253).optional(),
    clusters: z.array(id).max(1000).optional(),
    workspaceId: id.optional(),
    managed: z.enum(['all', 'managed', 'unmanaged']).default('all'),
    hideSystem: z.boolean().default(false),
    hideFlotilla: z.boolean().default(false),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(1000).default(100),
    /** 'live' (default), 'snapshot:<id>' or 'manifests:<id>'. */
    source: z.string().min(1).max(200).optional(),
  })
  .strict();
export type NamespaceQuery = z.infer<typeof NamespaceQuery>;

export const NamespacePage = z.object({
  total: z.number().int(),
  /** Namespaces in the cache before the filters. */
  all: z.number().int(),
  offset: z.number().int(),
  items: z.array(NamespaceRow),
});
export type NamespacePage = z.infer<typeof NamespacePage>;

const empty = z.object({}).strict();

export const workspaceCalls = {
  'workspaces.list': { input: empty, output: z.array(WorkspaceRow) },
  /** One workspace with its namespaces across clusters. */
  'workspaces.get': {
    input: z.object({ id }).strict(),
    output: WorkspaceRow.extend({ members: z.array(NamespaceRow) }),
  },
  'workspaces.create': {
    input: CreateNamed,
    output: WorkspaceRow,
  },
  'workspaces.update': {
    input: UpdateNamed,
    output: WorkspaceRow,
  },
  /** Deletes a workspace: empty, or moving its namespaces to `default` (nothing changes on clusters). */
  'workspaces.delete': {
    input: z.object({ id, moveNamespacesToDefault: z.boolean().default(false) }).strict(),
    output: z.object({ moved: z.number().int() }),
  },
  /** Namespaces of the fleet (from the object cache) with their workspace, filtered and paged. */
  'namespaces.list': { input: NamespaceQuery, output: NamespacePage },
  /** Creates a namespace on a cluster and records it in a workspace. */
  'namespaces.create': {
    input: z
      .object({
        clusterId: id,
        workspaceId: id,
        name: z.string().min(1).max(253),
        description: z.string().max(2000).default(''),
        labels: Labels.default({}),
      })
      .strict(),
    output: NamespaceRow,
  },
  /** Adopts existing namespaces into a workspace (moving them from another one). */
  'namespaces.attach': {
    input: z.object({ workspaceId: id, namespaces: z.array(NamespaceRef).min(1).max(5000) }).strict(),
    output: z.object({ attached: z.number().int() }),
  },
  /** Makes namespaces unmanaged again (they stay on their clusters). */
  'namespaces.release': {
    input: z.object({ namespaces: z.array(NamespaceRef).min(1).max(5000) }).strict(),
    output: z.object({ released: z.number().int() }),
  },
} as const;

export const workspaceEvents = {
  /** Workspaces or namespace membership changed: refetch what is on screen. */
  'workspaces.changed': z.object({ ids: z.array(z.string()) }),
} as const;

/** RFC 1123 label: what Kubernetes accepts as a namespace name. */
export const NAMESPACE_MAX = 63;

/**
 * A sentence saying why `name` is not a valid namespace name (RFC 1123 label: lowercase letters,
 * digits and hyphens, starting and ending with a letter or digit, at most 63 characters), or null.
 */
export function namespaceNameProblem(name: string): string | null {
  if (name === '') return 'Namespace name is empty.';
  if (name.length > NAMESPACE_MAX)
    return `Namespace name "${name}" is ${name.length} characters long; at most ${NAMESPACE_MAX} are allowed.`;
  if (/[A-Z]/.test(name))
    return `Namespace name "${name}" has uppercase letters; use lowercase letters, digits and hyphens.`;
  const bad = [...name].find((c) => !/[a-z0-9-]/.test(c));
  if (bad !== undefined)
    return `Namespace name "${name}" contains ${JSON.stringify(bad)}; only lowercase letters, digits and hyphens are allowed.`;
  if (!NAME_RULE.test(name)) return `Namespace name "${name}" must start and end with a letter or digit.`;
  return null;
}

/** Kubernetes' own namespaces: `default` and every `kube-*`. */
export function isSystemNamespace(name: string): boolean {
  return name === 'default' || name.startsWith('kube-');
}

/** Namespaces Flotilla's own components run in: `flotilla-*`, or labelled `app.kubernetes.io/part-of: flotilla`. */
export function isFlotillaNamespace(name: string, labels: Record<string, string> = {}): boolean {
  return (
    name === 'flotilla' || name.startsWith('flotilla-') || labels['app.kubernetes.io/part-of'] === 'flotilla'
  );
}
