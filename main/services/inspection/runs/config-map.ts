/** A scope's saved configuration (the contract's ScopeConfig) as the engine's InspectionConfig. */
import type { CheckOverride, CheckSetId, InspectionConfig, Severity } from '../types';

export interface SavedScopeConfig {
  sets: CheckSetId[];
  checks: Record<string, { enabled?: boolean; severity?: Severity }>;
  exemptions: Array<{
    checks?: string[];
    namespaces?: string[];
    clusters?: string[];
    kinds?: string[];
    names?: string[];
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    reason?: string;
  }>;
  polarisAnnotations: boolean;
}

export const defaultScopeConfig = (): SavedScopeConfig => ({
  sets: ['polaris', 'pss-baseline', 'pss-restricted', 'health'],
  checks: {},
  exemptions: [],
  polarisAnnotations: true,
});

export function toEngineConfig(c: SavedScopeConfig): InspectionConfig {
  const checks: Record<string, CheckOverride> = {};
  for (const [id, o] of Object.entries(c.checks)) {
    if (o.enabled === undefined && o.severity === undefined) continue;
    checks[id] = { ...o };
  }
  return {
    sets: [...c.sets],
    checks,
    exemptions: c.exemptions.map(({ reason: _reason, ...e }) => e),
    polarisAnnotations: c.polarisAnnotations,
  };
}
