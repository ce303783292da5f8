/** Validation of an InspectionConfig read from a file (zod), with messages naming the field. */
import { z } from 'zod';
import type { InspectionConfig } from './types';

const severity = z.enum(['danger', 'warning', 'info']);
const override = z.strictObject({ enabled: z.boolean().optional(), severity: severity.optional() });
const scope = {
  sources: z.array(z.string()).optional(),
  clusters: z.array(z.string()).optional(),
  namespaces: z.array(z.string()).optional(),
};

const customCheck = z.object({
  successMessage: z.string().optional(),
  failureMessage: z.string(),
  category: z.string().optional(),
  severity: severity.optional(),
  target: z.string(),
  containers: z.object({ exclude: z.array(z.string()).optional() }).optional(),
  schema: z.record(z.string(), z.unknown()),
});

export const inspectionConfigSchema = z.strictObject({
  customChecks: z.record(z.string(), customCheck).optional(),
  sets: z.array(z.enum(['polaris', 'pss-baseline', 'pss-restricted', 'health'])).optional(),
  checks: z.record(z.string(), override).optional(),
  exemptions: z
    .array(
      z.strictObject({
        ...scope,
        checks: z.array(z.string()).optional(),
        kinds: z.array(z.string()).optional(),
        names: z.array(z.string()).optional(),
        labels: z.record(z.string(), z.string()).optional(),
        annotations: z.record(z.string(), z.string()).optional(),
      }),
    )
    .optional(),
  scoped: z
    .array(
      z.strictObject({ scope: z.strictObject(scope), checks: z.record(z.string(), override).optional() }),
    )
    .optional(),
  polarisAnnotations: z.boolean().optional(),
  kubernetesVersion: z.string().optional(),
  clusterVersions: z.record(z.string(), z.string()).optional(),
});

export type ParsedConfig = { ok: true; config: InspectionConfig } | { ok: false; error: string };

/** Parses a config object; the error names the first bad field (e.g. `checks.hostPIDSet.severity`). */
export function parseInspectionConfig(value: unknown): ParsedConfig {
  const r = inspectionConfigSchema.safeParse(value);
  if (r.success) return { ok: true, config: r.data as InspectionConfig };
  const issue = r.error.issues[0]!;
  return { ok: false, error: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
}
