import { z } from 'zod';

/**
 * Pod usage and logs. `pods.usage` reads the pod's metrics.k8s.io figures (live clusters only).
 * `pods.logs` reads once (tail / since); `pods.logs.follow` opens a stream whose lines
 * arrive as `pods.logs.lines` events under a subscription id until `pods.logs.stop` (or the
 * container's end) closes it with `pods.logs.end`. Searching and downloading happen in the renderer.
 */

const name = z.string().min(1).max(253);

export const LogRequestSchema = z
  .object({
    /** A snapshot serves the log tails it recorded; follow needs a live cluster. */
    source: z.string().min(1).max(200).default('live'),
    cluster: name,
    namespace: name,
    pod: name,
    container: name,
    /** Lines from the end (default 500 for a read, 200 before a follow). */
    tailLines: z.number().int().min(0).max(50_000).optional(),
    /** Only lines newer than this many seconds. */
    sinceSeconds: z.number().int().min(1).max(31_536_000).optional(),
    /** The previous (crashed) run of the container. */
    previous: z.boolean().default(false),
    timestamps: z.boolean().default(false),
  })
  .strict();

export const PodUsageSchema = z.object({
  /** false: no live figures (a snapshot, no metrics-server, not measured yet, not connected …). */
  available: z.boolean(),
  /** Why there are no figures, as a sentence for the page. */
  reason: z.string().optional(),
  /** Per container: CPU in cores, memory in bytes (metrics.k8s.io PodMetrics). */
  containers: z.array(z.object({ name: z.string(), cpu: z.number(), memory: z.number() })),
  /** When metrics-server measured it, and over what window ("30s"). */
  timestamp: z.string().optional(),
  window: z.string().optional(),
  /** Figures a snapshot recorded when it was taken (the pod's sum; per container is not kept). */
  recorded: z.object({ cpu: z.number().nullable(), memory: z.number().nullable() }).optional(),
});

export const podCalls = {
  /** The pod's current usage from metrics.k8s.io, or `available: false` with the reason. */
  'pods.usage': {
    input: z
      .object({
        source: z.string().min(1).max(200).default('live'),
        cluster: name,
        namespace: name,
        name,
      })
      .strict(),
    output: PodUsageSchema,
  },
  'pods.logs': {
    input: LogRequestSchema,
    output: z.object({
      lines: z.array(z.string()),
      /** The read stopped at the size limit (4 MiB). */
      truncated: z.boolean(),
    }),
  },
  'pods.logs.follow': {
    input: LogRequestSchema,
    output: z.object({ subscription: z.string() }),
  },
  'pods.logs.stop': {
    input: z.object({ subscription: z.string().min(1).max(100) }).strict(),
    output: z.object({ stopped: z.boolean() }),
  },
} as const;

export const podEvents = {
  /** New lines of a followed log (batched, a few events a second). */
  'pods.logs.lines': z.object({ subscription: z.string(), lines: z.array(z.string()) }),
  /** A followed log ended: stopped, the container ended, or an error (with its message). */
  'pods.logs.end': z.object({
    subscription: z.string(),
    reason: z.enum(['stopped', 'ended', 'error']),
    message: z.string().optional(),
  }),
} as const;
