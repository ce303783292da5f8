/** The inspections model: checks, findings, configuration and results. Pure data, no I/O. */
import type { ObjectQuery, ObjectReader, StoredObject } from '../../../shared/objects/types';

export type Severity = 'danger' | 'warning' | 'info';
export type Category = 'Security' | 'Reliability' | 'Efficiency' | 'Cluster health';
export type CheckSetId = 'polaris' | 'pss-baseline' | 'pss-restricted' | 'health';
export const allCheckSets: CheckSetId[] = ['polaris', 'pss-baseline', 'pss-restricted', 'health'];

/** One offending field of one object. */
export interface Violation {
  /** JSON path of the offending field, e.g. `spec.template.spec.containers[0].securityContext.privileged`. */
  path: string;
  message: string;
  /** What was judged (e.g. the container's path) when a check judges several parts of one object. */
  unit?: string;
}

export interface CheckContext {
  reader: ObjectReader;
  /** The run's scope (source, clusters, namespaces) — checks that need other objects query within it. */
  scope: ObjectQuery;
  /** Kubernetes version (e.g. '1.32') of the object's cluster, when known. */
  kubernetesVersion(cluster: string): string | undefined;
  now: Date;
  /** Per-run memo for lookups shared by many objects (e.g. network policies per namespace). */
  memo<T>(key: string, make: () => T): T;
}

export interface Check {
  id: string;
  set: CheckSetId;
  title: string;
  category: Category;
  severity: Severity;
  /** Kind names this check looks at. */
  targetKinds: string[];
  remediation: string;
  /** How many parts of the object the check judges (containers for container checks); 1 when absent. */
  units?(obj: StoredObject): number;
  /** Returns the violations (none = the object passes), or null when the check does not apply. */
  evaluate(obj: StoredObject, ctx: CheckContext): Violation[] | null;
}

export interface FindingObject {
  source: string;
  cluster: string;
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

export interface Finding {
  checkId: string;
  set: CheckSetId;
  title: string;
  severity: Severity;
  category: Category;
  message: string;
  remediation: string;
  path: string;
  object: FindingObject;
}

/** Where a configuration part applies; an empty scope applies everywhere. */
export interface Scope {
  sources?: string[];
  clusters?: string[];
  namespaces?: string[];
}

export interface Exemption extends Scope {
  /** Check ids (all checks when omitted). */
  checks?: string[];
  kinds?: string[];
  names?: string[];
  /** Every listed label must match (value '*' = any value). */
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface CheckOverride {
  enabled?: boolean;
  severity?: Severity;
}

/** A Polaris-style custom check (Polaris' check.yaml format). */
export interface CustomCheckSpec {
  successMessage?: string;
  failureMessage: string;
  category?: string;
  severity?: Severity;
  /** 'Container', 'PodSpec', 'PodTemplate', 'Controller' or a kind name (optionally 'group/Kind'). */
  target: string;
  containers?: { exclude?: string[] };
  /** JSON schema; strings may use `{{ .metadata.name }}` templates. */
  schema: unknown;
}

export interface InspectionConfig {
  /** Extra checks by id (Polaris custom-check format); they join the 'polaris' set. */
  customChecks?: Record<string, CustomCheckSpec>;
  /** Check sets to run; all by default. */
  sets?: CheckSetId[];
  checks?: Record<string, CheckOverride>;
  exemptions?: Exemption[];
  /** Overrides for part of the fleet (applied after the top-level ones, in order). */
  scoped?: Array<{ scope: Scope; checks?: Record<string, CheckOverride> }>;
  /** Honour `polaris.fairwinds.com/exempt` and `polaris.fairwinds.com/<check>-exempt` annotations (default true). */
  polarisAnnotations?: boolean;
  /** Kubernetes version to judge by when a cluster's is unknown (default: the newest this build knows). */
  kubernetesVersion?: string;
  /** Known versions per cluster name. */
  clusterVersions?: Record<string, string>;
}

export interface CheckResultCounts {
  pass: number;
  warning: number;
  danger: number;
  info: number;
}

export interface InspectionProgress {
  completed: number;
  total: number;
  phase: string;
}

export interface InspectionResult {
  startedAt: string;
  finishedAt: string;
  scope: ObjectQuery;
  objectsInspected: number;
  checksRun: number;
  findings: Finding[];
  /** Per (check, object) results — per container for container checks, as Polaris counts them. */
  results: CheckResultCounts;
  score: number;
  grade: string;
}
