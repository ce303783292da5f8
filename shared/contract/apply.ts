import { z } from 'zod';

/**
 * Calls of the YAML editor for live objects: open the object fresh from its cluster, dry-run and
 * apply an edited version (server-side apply, field manager "flotilla"), delete it.
 *
 * Failures cross as contract errors whose `details` is an `ApplyFailure`: the API's HTTP status,
 * reason and causes, and for a 409 whether a stale resourceVersion or a managed-field conflict
 * caused it (the editor offers "Reload" and "Force apply").
 */

const name = z.string().min(1).max(253);

export const LiveObjectRefSchema = z
  .object({
    cluster: name,
    group: z.string().max(253),
    version: z.string().min(1).max(63),
    kind: name,
    namespace: z.string().max(253).default(''),
    name,
  })
  .strict();
export type LiveObjectRef = z.input<typeof LiveObjectRefSchema>;

const KubeObject = z.record(z.string(), z.unknown());

export const OpenedObjectSchema = z.object({
  /** The live object without metadata.managedFields. */
  object: KubeObject,
  resourceVersion: z.string(),
  clusterName: z.string(),
  /** Protected clusters (label flotilla.io/protected: "true") need their name typed to delete. */
  protected: z.boolean(),
  /** Why the editor is read-only (e.g. the user may not patch it); absent when it is editable. */
  readOnly: z.string().optional(),
  /** Why deleting is not offered; absent when the user may delete. */
  noDelete: z.string().optional(),
});
export type OpenedObject = z.infer<typeof OpenedObjectSchema>;

export const ApplyInputSchema = z
  .object({
    ref: LiveObjectRefSchema,
    /** The edited object as YAML (one document). */
    yaml: z.string().min(1).max(3_000_000),
    /**
     * The YAML as it was opened. When the object's resourceVersion moved on but nothing but its
     * status (or server-owned metadata) changed since, the apply goes ahead on the newer version;
     * any other change underneath is a conflict.
     */
    base: z.string().max(3_000_000).optional(),
    /** Take over fields other managers own and ignore the resourceVersion in the YAML. */
    force: z.boolean().default(false),
  })
  .strict();

export const ApplyResultSchema = z.object({
  /** The object as the API server returned it (without managedFields). */
  object: KubeObject,
  resourceVersion: z.string(),
  dryRun: z.boolean(),
});
export type ApplyResult = z.infer<typeof ApplyResultSchema>;

export const ApplyFailureSchema = z.object({
  status: z.number().int(),
  reason: z.string(),
  causes: z.array(
    z.object({ field: z.string().optional(), message: z.string(), reason: z.string().optional() }),
  ),
  conflict: z.enum(['resourceVersion', 'fields']).optional(),
  /** The YAML line of a parse error. */
  line: z.number().int().optional(),
});
export type ApplyFailure = z.infer<typeof ApplyFailureSchema>;

export const SchemaQuerySchema = z
  .object({
    /** A live cluster id; omitted (or a cluster that cannot be reached) gives the bundled schema. */
    cluster: name.optional(),
    group: z.string().max(253),
    version: z.string().min(1).max(63),
    kind: name,
  })
  .strict();

export const KindSchemaSchema = z.object({
  /**
   * Where the schema came from: the cluster's own OpenAPI, the bundled one (generated from
   * kube-sim's, see scripts/gen-kube-schemas.ts), or 'none' when neither describes the kind.
   */
  source: z.enum(['cluster', 'bundled', 'none']),
  /** A JSON Schema (draft-07) of the kind: its definition and the definitions it references. */
  schema: z.record(z.string(), z.unknown()).nullable(),
  /** Why the cluster's schema was not used, when it was asked for and not used. */
  note: z.string().optional(),
});
export type KindSchema = z.infer<typeof KindSchemaSchema>;

export const applyCalls = {
  /** The object fresh from the cluster, with what the user may do with it. */
  'apply.open': { input: LiveObjectRefSchema, output: OpenedObjectSchema },
  /** Server-side apply with dryRun=All: what the API server would make of the edited YAML. */
  'apply.dryRun': { input: ApplyInputSchema, output: ApplyResultSchema },
  /** Server-side apply, field manager "flotilla" (force on request). */
  'apply.apply': { input: ApplyInputSchema, output: ApplyResultSchema },
  /** Deletes the object; on a protected cluster `confirmName` must be the cluster's name. */
  'apply.delete': {
    input: z.object({ ref: LiveObjectRefSchema, confirmName: z.string().max(253).optional() }).strict(),
    output: z.object({ deleted: z.boolean() }),
  },
  /** The JSON Schema of a kind for validation and completion in the editor (see KindSchemaSchema). */
  'apply.schema': { input: SchemaQuerySchema, output: KindSchemaSchema },
} as const;
