import { z } from 'zod';

/**
 * Calls and events of the fleet: kubeconfig import, clusters, cluster groups, connections.
 * Each entry: { input: zod schema, output: zod schema }, merged into `calls` in calls.ts.
 *
 * Nothing here may carry credential material: results name contexts, servers, auth kinds
 * and the exec/auth-provider command line to approve — never a token, password, key or
 * certificate. Inputs may carry kubeconfig text (the user's own file, going into main).
 */

const id = z.string().min(1).max(200);
const Labels = z.record(z.string(), z.string());

/** Cluster and group names: the reference deck rule (checked again in main, with a message). */
export const NAME_RULE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
export const NAME_MAX = 63;

/** Creating a cluster group or a workspace: both are named, described, labelled containers. */
export const CreateNamed = z
  .object({
    name: z.string().min(1).max(NAME_MAX),
    description: z.string().max(2000).default(''),
    labels: Labels.default({}),
  })
  .strict();

/** Renaming, describing or relabelling a cluster group or a workspace. */
export const UpdateNamed = z
  .object({
    id,
    name: z.string().min(1).max(NAME_MAX).optional(),
    description: z.string().max(2000).optional(),
    labels: Labels.optional(),
  })
  .strict();

/** 'snapshot': a cluster as a snapshot file recorded it (never connected). */
export const ConnectionState = z.enum([
  'connecting',
  'ready',
  'degraded',
  'unreachable',
  'unauthorized',
  'snapshot',
]);
export type ConnectionState = z.infer<typeof ConnectionState>;

/** Why a connection failed, so the UI can pick words and an icon. */
export const FailureKind = z.enum([
  'dns',
  'refused',
  'tls',
  'unauthorized',
  'forbidden',
  'timeout',
  'network',
  'server',
  'rate-limited',
  'config',
  'not-approved',
]);
export type FailureKind = z.infer<typeof FailureKind>;

export const Health = z.enum(['healthy', 'warning', 'critical', 'unknown']);
export type Health = z.infer<typeof Health>;

export const Provider = z.enum([
  'aws',
  'azure',
  'gcp',
  'vsphere',
  'openstack',
  'digitalocean',
  'linode',
  'ibm',
  'alibaba',
  'oracle',
  'hetzner',
  'equinix',
  'kind',
  'minikube',
  'docker-desktop',
  'k3s',
  'k0s',
  'rke',
  'microk8s',
  'openshift',
  'kubevirt',
  'unknown',
]);
export type Provider = z.infer<typeof Provider>;

export const Problem = z.object({
  severity: z.enum(['error', 'warning']),
  field: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().int().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const CredentialCommandView = z.object({
  kind: z.enum(['exec', 'auth-provider']),
  /** The exact command line, in full, as it would run. */
  commandLine: z.string(),
  fingerprint: z.string(),
  installHint: z.string().optional(),
  provider: z.string().optional(),
  approved: z.boolean(),
});
export type CredentialCommandView = z.infer<typeof CredentialCommandView>;

export const ContextView = z.object({
  /** Unique within one import: the context name, or "name (file)" when two files use the same name. */
  key: z.string(),
  name: z.string(),
  source: z.string(),
  clusterName: z.string().optional(),
  userName: z.string().optional(),
  server: z.string().optional(),
  namespace: z.string().optional(),
  authKind: z.string(),
  authMethods: z.array(z.string()),
  insecureSkipTlsVerify: z.boolean(),
  tlsServerName: z.string().optional(),
  proxyUrl: z.string().optional(),
  credentialCommand: CredentialCommandView.optional(),
  ok: z.boolean(),
  problems: z.array(Problem),
  /** A cluster name that passes the rule, derived from the context name. */
  suggestedName: z.string(),
  /** Set when a cluster attached from the same server and user exists already. */
  attachedAs: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type ContextView = z.infer<typeof ContextView>;

export const FileProblem = z.object({
  source: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
});

export const Inspection = z.object({
  /** Refers to the parsed kubeconfig kept in main; attach and verify name it instead of resending text. */
  importId: z.string(),
  sources: z.array(z.string()),
  currentContext: z.string().optional(),
  contexts: z.array(ContextView),
  /** Files (or pasted text) that could not be read at all. */
  fileErrors: z.array(FileProblem),
  /** File-level doubts (duplicate names …). */
  problems: z.array(Problem),
});
export type Inspection = z.infer<typeof Inspection>;

export const KubeconfigInput = z
  .object({
    /** One or more texts (file picker, drop, paste), each with a label naming it in messages. */
    texts: z.array(z.object({ label: z.string().min(1).max(500), text: z.string().max(5_000_000) })).max(50),
    /** Paths on this machine (Electron drop, CLI). */
    paths: z.array(z.string().min(1)).max(50),
  })
  .partial()
  .strict();

export const SourceFile = z.object({ path: z.string(), exists: z.boolean(), error: z.string().optional() });
export const SystemSources = Inspection.extend({
  /** ~/.kube/config or each $KUBECONFIG entry, in kubectl's order. */
  files: z.array(SourceFile),
  fromEnv: z.boolean(),
});
export type SystemSources = z.infer<typeof SystemSources>;

export const AttachItem = z
  .object({
    context: z.string().min(1),
    name: z.string().min(1).max(NAME_MAX),
    description: z.string().max(2000).default(''),
    labels: Labels.default({}),
    groupId: id.default('default'),
  })
  .strict();
export type AttachItem = z.infer<typeof AttachItem>;

export const AttachResult = z.object({
  context: z.string(),
  ok: z.boolean(),
  clusterId: z.string().optional(),
  name: z.string(),
  message: z.string().optional(),
});

export const Allocation = z.object({
  /** Sum of pod requests (cores or bytes). */
  requested: z.number().nonnegative(),
  /** Sum of node allocatable (cores or bytes). */
  allocatable: z.number().nonnegative(),
});
export type Allocation = z.infer<typeof Allocation>;

/** 'snapshot': a cluster of an opened snapshot or imported manifests (read-only). */
export const ClusterType = z.enum(['attached', 'provisioned', 'snapshot']);

/** The data source a fleet query reads: 'live' (default), 'snapshot:<id>' or 'manifests:<id>'. */
export const SourceId = z.string().min(1).max(200);

export const ClusterRow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  provider: Provider,
  type: ClusterType,
  status: ConnectionState,
  statusMessage: z.string(),
  failure: FailureKind.optional(),
  health: Health,
  version: z.string().optional(),
  cpu: Allocation.optional(),
  memory: Allocation.optional(),
  nodes: z.number().int().nonnegative().optional(),
  labels: Labels,
  server: z.string(),
  context: z.string(),
  attachedAt: z.string(),
  /** When figures were last read from the cluster. */
  observedAt: z.string().optional(),
  protected: z.boolean(),
});
export type ClusterRow = z.infer<typeof ClusterRow>;

export const SortKey = z.enum([
  'name',
  'group',
  'provider',
  'type',
  'status',
  'health',
  'version',
  'cpu',
  'memory',
  'nodes',
]);
export type SortKey = z.infer<typeof SortKey>;

export const ClusterQuery = z
  .object({
    text: z.string().max(200).optional(),
    /** `key` or `key=value` (also `key: value`). */
    label: z.string().max(400).optional(),
    groupId: z.string().optional(),
    status: z.array(ConnectionState).optional(),
    sort: SortKey.default('name'),
    dir: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(1000).default(100),
    source: SourceId.optional(),
  })
  .strict();
export type ClusterQuery = z.infer<typeof ClusterQuery>;

export const ClusterPage = z.object({
  total: z.number().int(),
  /** Clusters attached in all (before the filter). */
  all: z.number().int(),
  offset: z.number().int(),
  items: z.array(ClusterRow),
  /** Ids of every row matching the filter, in order (for "select all"). */
  ids: z.array(z.string()),
});
export type ClusterPage = z.infer<typeof ClusterPage>;

export const ClusterDetail = ClusterRow.extend({
  namespace: z.string().optional(),
  authKind: z.string(),
  credentialCommand: z.string().optional(),
  tlsServerName: z.string().optional(),
  insecureSkipTlsVerify: z.boolean(),
  nextRetryAt: z.string().optional(),
});
export type ClusterDetail = z.infer<typeof ClusterDetail>;

export const ComponentHealth = z.object({
  name: z.string(),
  status: z.enum(['healthy', 'unhealthy', 'unknown']),
  message: z.string(),
  /** Where the verdict came from: "/livez", "/readyz", "kube-system pod", "componentstatuses". */
  source: z.string(),
});
export type ComponentHealth = z.infer<typeof ComponentHealth>;

export const Overview = z.object({
  id: z.string(),
  name: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  provider: Provider,
  region: z.string().optional(),
  version: z.string().optional(),
  status: ConnectionState,
  statusMessage: z.string(),
  namespaces: z.number().int().optional(),
  pods: z.number().int().optional(),
  controlPlaneNodes: z.number().int().optional(),
  workerNodes: z.number().int().optional(),
  totalCores: z.number().optional(),
  totalMemoryBytes: z.number().optional(),
  created: z.string().optional(),
  cpu: Allocation.optional(),
  memory: Allocation.optional(),
  components: z.array(ComponentHealth),
  workers: z.object({
    total: z.number().int(),
    ready: z.number().int(),
    notReady: z.array(z.object({ name: z.string(), reason: z.string() })),
  }),
  labels: Labels,
  observedAt: z.string().optional(),
});
export type Overview = z.infer<typeof Overview>;

export const Permission = z.object({
  action: z.string(),
  verb: z.string(),
  resource: z.string(),
  group: z.string(),
  allowed: z.boolean(),
});

export const Verification = z.object({
  reachable: z.boolean(),
  state: ConnectionState,
  message: z.string(),
  failure: FailureKind.optional(),
  version: z.string().optional(),
  platform: z.string().optional(),
  elapsedMs: z.number(),
  permissions: z.array(Permission),
  /** "cluster-admin", "read-only", "limited", or "unknown". */
  access: z.string(),
});
export type Verification = z.infer<typeof Verification>;

export const GroupRow = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  labels: Labels,
  clusters: z.number().int(),
  ready: z.number().int(),
  nodes: z.number().int(),
  cpu: Allocation,
  memory: Allocation,
  createdAt: z.string(),
});
export type GroupRow = z.infer<typeof GroupRow>;

const empty = z.object({}).strict();
const byId = z.object({ id }).strict();

export const fleetCalls = {
  'kubeconfig.inspect': { input: KubeconfigInput, output: Inspection },
  'kubeconfig.sources': { input: empty, output: SystemSources },
  'execApprovals.approve': {
    input: z.object({ importId: z.string(), context: z.string() }).strict(),
    output: CredentialCommandView,
  },
  'clusters.attach': {
    input: z.object({ importId: z.string(), items: z.array(AttachItem).min(1).max(1000) }).strict(),
    output: z.object({ results: z.array(AttachResult) }),
  },
  'clusters.list': { input: ClusterQuery, output: ClusterPage },
  'clusters.get': { input: byId, output: ClusterDetail },
  'clusters.overview': { input: z.object({ id, source: SourceId.optional() }).strict(), output: Overview },
  'clusters.update': {
    input: z
      .object({
        id,
        name: z.string().min(1).max(NAME_MAX).optional(),
        description: z.string().max(2000).optional(),
        labels: Labels.optional(),
        groupId: id.optional(),
      })
      .strict(),
    output: ClusterRow,
  },
  'clusters.move': {
    input: z.object({ ids: z.array(id).min(1).max(1000), groupId: id }).strict(),
    output: z.object({ moved: z.number().int() }),
  },
  'clusters.detach': {
    input: z
      .object({ ids: z.array(id).min(1).max(1000), confirmNames: z.array(z.string()).default([]) })
      .strict(),
    output: z.object({ detached: z.array(z.string()) }),
  },
  'clusters.verify': {
    input: z.union([byId, z.object({ importId: z.string(), context: z.string() }).strict()]),
    output: Verification,
  },
  'clusters.reconnect': {
    input: z.object({ ids: z.array(id).min(1).max(1000) }).strict(),
    output: z.object({ ids: z.array(z.string()) }),
  },
  'groups.list': { input: empty, output: z.array(GroupRow) },
  'groups.create': {
    input: CreateNamed,
    output: GroupRow,
  },
  'groups.update': {
    input: UpdateNamed,
    output: GroupRow,
  },
  'groups.delete': {
    input: z.object({ id, moveClustersToDefault: z.boolean().default(false) }).strict(),
    output: z.object({ moved: z.number().int() }),
  },
  'demo.start': {
    input: empty,
    output: z.object({ attached: z.array(z.string()), kubeconfig: z.string() }),
  },
} as const;

export const fleetEvents = {
  /** Something about these clusters (or the list) changed: refetch what is on screen. */
  'clusters.changed': z.object({ ids: z.array(z.string()), reason: z.string() }),
  'cluster.connection': z.object({
    id: z.string(),
    state: ConnectionState,
    message: z.string(),
    failure: FailureKind.optional(),
    nextRetryAt: z.string().optional(),
  }),
  'groups.changed': z.object({ ids: z.array(z.string()) }),
  /** ~/.kube/config or a $KUBECONFIG file changed on disk. */
  'kubeconfig.sourcesChanged': z.object({ files: z.array(z.string()) }),
} as const;

/** "29%" of an allocation, or "--" without allocatable. */
export function allocationPercent(a: Allocation | undefined): string {
  if (!a || a.allocatable <= 0) return '--';
  return `${Math.round((a.requested / a.allocatable) * 100)}%`;
}

const trim = (n: number, digits: number) => Number(n.toFixed(digits)).toString();

/** "29% 2.92 / 10 CPUs" (the reference deck's allocated CPU). */
export function formatCpu(a: Allocation | undefined): string {
  if (!a) return '--';
  return `${allocationPercent(a)} ${trim(a.requested, 2)} / ${trim(a.allocatable, 2)} CPUs`;
}

/** Bytes in GiB with two decimals: "1.53 GiB". */
export function gib(bytes: number): string {
  return (bytes / 2 ** 30).toFixed(2);
}

/** "4% 1.53 / 37.90 GiB" (the reference deck's allocated memory). */
export function formatMemory(a: Allocation | undefined): string {
  if (!a) return '--';
  return `${allocationPercent(a)} ${gib(a.requested)} / ${gib(a.allocatable)} GiB`;
}
