/** Applying an InspectionConfig: enabled checks, severity overrides per scope, exemptions. */
import type { StoredObject } from '../../../shared/objects/types';
import {
  allCheckSets,
  type Check,
  type Exemption,
  type InspectionConfig,
  type Scope,
  type Severity,
} from './types';

export const polarisExemptAnnotation = 'polaris.fairwinds.com/exempt';
export const polarisCheckExemptAnnotation = (checkId: string) => `polaris.fairwinds.com/${checkId}-exempt`;

export function inScope(scope: Scope, obj: Pick<StoredObject, 'source' | 'cluster' | 'namespace'>): boolean {
  return (
    (!scope.sources || scope.sources.includes(obj.source)) &&
    (!scope.clusters || scope.clusters.includes(obj.cluster)) &&
    (!scope.namespaces || scope.namespaces.includes(obj.namespace))
  );
}

function mapMatches(
  want: Record<string, string> | undefined,
  have: Record<string, string> | undefined,
): boolean {
  if (!want) return true;
  return Object.entries(want).every(([k, v]) => have?.[k] !== undefined && (v === '*' || have[k] === v));
}

export function exemptionMatches(e: Exemption, checkId: string, obj: StoredObject): boolean {
  return (
    (!e.checks || e.checks.includes(checkId)) &&
    (!e.kinds || e.kinds.includes(obj.kind)) &&
    (!e.names || e.names.includes(obj.name)) &&
    inScope(e, obj) &&
    mapMatches(e.labels, obj.labels) &&
    mapMatches(e.annotations, obj.object.metadata?.annotations)
  );
}

const truthy = (v: string | undefined) => v !== undefined && v.toLowerCase() === 'true';

/** Compiled config: fast answers per (check, object). */
export class ConfigResolver {
  private readonly sets: Set<string>;
  private readonly annotationKeys = new Map<string, string>();
  constructor(private readonly config: InspectionConfig = {}) {
    this.sets = new Set(config.sets ?? allCheckSets);
    // The restricted profile is baseline plus its own controls, as Kubernetes defines it.
    if (this.sets.has('pss-restricted')) this.sets.add('pss-baseline');
  }

  /** Whether the check runs at all (set chosen and not disabled globally). */
  isActive(check: Check): boolean {
    return this.sets.has(check.set) && this.config.checks?.[check.id]?.enabled !== false;
  }

  /** True when scoped overrides or exemptions exist (the engine then asks per object). */
  get hasPerObjectRules(): boolean {
    return !!(this.config.scoped?.length || this.config.exemptions?.length);
  }

  /** The severity before scoped overrides, or null when disabled. */
  baseSeverity(check: Check): Severity | null {
    const o = this.config.checks?.[check.id];
    return o?.enabled === false ? null : (o?.severity ?? check.severity);
  }

  /** The effective severity for this object, or null when the check is off for its scope. */
  severityFor(check: Check, obj: StoredObject): Severity | null {
    let enabled = this.config.checks?.[check.id]?.enabled ?? true;
    let severity = this.config.checks?.[check.id]?.severity ?? check.severity;
    for (const s of this.config.scoped ?? []) {
      const o = s.checks?.[check.id];
      if (!o || !inScope(s.scope, obj)) continue;
      if (o.enabled !== undefined) enabled = o.enabled;
      if (o.severity) severity = o.severity;
    }
    return enabled ? severity : null;
  }

  /** Whether Polaris' exemption annotations are honoured. */
  get polarisAnnotations(): boolean {
    return this.config.polarisAnnotations !== false;
  }

  /** Exemption by annotation (Polaris') for an object's annotations. */
  isAnnotationExempt(checkId: string, annotations: Record<string, string> | undefined): boolean {
    if (!annotations || !this.polarisAnnotations) return false;
    return (
      truthy(annotations[polarisExemptAnnotation]) ||
      truthy(annotations[polarisCheckExemptAnnotation(checkId)])
    );
  }

  /** Exemption by the configured rules. */
  isConfigExempt(check: Check, obj: StoredObject): boolean {
    return (this.config.exemptions ?? []).some((e) => exemptionMatches(e, check.id, obj));
  }

  isExempt(check: Check, obj: StoredObject): boolean {
    return (
      this.isAnnotationExempt(check.id, obj.object.metadata?.annotations) || this.isConfigExempt(check, obj)
    );
  }
}
