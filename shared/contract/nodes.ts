import { z } from 'zod';
import { Allocation } from './fleet';

/**
 * Calls of the Nodes views: every node of the cached fleet (or some clusters) with its role,
 * state and allocation (requests of the non-terminated pods on it over its allocatable), and its
 * usage when the cluster serves metrics.k8s.io.
 */

export const NodeUsage = z.object({
  /** Cores and bytes in use (metrics-server's last window). */
  cpu: z.number().nonnegative(),
  memory: z.number().nonnegative(),
});
export type NodeUsage = z.infer<typeof NodeUsage>;

export const NodeRow = z.object({
  cluster: z.string(),
  name: z.string(),
  role: z.enum(['control-plane', 'worker']),
  roles: z.array(z.string()),
  state: z.enum(['Ready', 'NotReady', 'Unknown']),
  problem: z.string().optional(),
  unschedulable: z.boolean(),
  kubeletVersion: z.string().optional(),
  created: z.string().optional(),
  zone: z.string().optional(),
  instanceType: z.string().optional(),
  cpu: Allocation,
  memory: Allocation,
  /** Non-terminated pods on the node. */
  pods: z.number().int().nonnegative(),
  usage: NodeUsage.optional(),
});
export type NodeRow = z.infer<typeof NodeRow>;

export const MetricsState = z.object({
  cluster: z.string(),
  available: z.boolean(),
  message: z.string().optional(),
});

export const NodeListQuery = z
  .object({
    source: z.string().min(1).max(200).default('live'),
    clusters: z.array(z.string().max(253)).max(1000).optional(),
    names: z.array(z.string().max(253)).max(1000).optional(),
    /** Read node usage from metrics.k8s.io (cached a few seconds per cluster). */
    usage: z.boolean().default(true),
  })
  .strict();

export const NodeList = z.object({
  items: z.array(NodeRow),
  metrics: z.array(MetricsState),
});
export type NodeList = z.infer<typeof NodeList>;

export const nodeCalls = {
  /** Nodes with allocation (and usage where metrics exist), sorted by cluster then name. */
  'nodes.list': { input: NodeListQuery, output: NodeList },
} as const;
