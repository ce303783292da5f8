/** Turns parsed manifests into StoredObject rows of a "manifests" source, with an inventory. */
import type { StoredObject } from '../../../shared/objects/types';
import type { ImportIssue, Inventory, ParsedObject } from './types';

/** Kinds that live outside namespaces (built-in ones; CRDs' own scope is unknown offline). */
export const clusterScopedKinds = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'APIService',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'PodSecurityPolicy',
  'ComponentStatus',
  'ClusterIssuer',
  'ClusterPolicy',
  'SecurityContextConstraints',
  'VolumeSnapshotClass',
  'VolumeSnapshotContent',
  'IPAddress',
  'ServiceCIDR',
]);

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

export interface RowOptions {
  sourceId: string;
  cluster: string;
  /** Namespace for namespaced objects that name none (as kubectl apply would). */
  defaultNamespace?: string;
}

export function toRows(
  parsed: ParsedObject[],
  opts: RowOptions,
): { rows: StoredObject[]; issues: ImportIssue[] } {
  const rows: StoredObject[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<string, ParsedObject>();
  for (const p of parsed) {
    const o = p.object;
    const meta = o.metadata ?? {};
    const { group, version } = splitApiVersion(String(o.apiVersion));
    const kind = String(o.kind);
    const namespace = clusterScopedKinds.has(kind)
      ? ''
      : (meta.namespace ?? opts.defaultNamespace ?? 'default');
    const name = meta.name ?? String(meta.generateName ?? '');
    const key = `${group}\t${kind}\t${namespace}\t${name}`;
    const first = seen.get(key);
    if (first) {
      issues.push({
        code: 'duplicate',
        level: 'warning',
        file: p.file,
        line: p.line,
        document: p.document,
        message: `${kind} ${namespace ? namespace + '/' : ''}${name} already defined in ${first.file}:${first.line}; this copy is ignored`,
      });
      continue;
    }
    seen.set(key, p);
    const suffix = p.item === undefined ? '' : `/${p.item}`;
    rows.push({
      source: opts.sourceId,
      cluster: opts.cluster,
      group,
      version,
      kind,
      namespace,
      name,
      uid: meta.uid ?? `${opts.sourceId}:${p.file}#${p.document}${suffix}`,
      resourceVersion: meta.resourceVersion ?? '',
      labels: meta.labels && typeof meta.labels === 'object' ? meta.labels : {},
      object: o,
    });
  }
  return { rows, issues };
}

export function inventoryOf(rows: StoredObject[]): Inventory {
  const inv: Inventory = { total: rows.length, byKind: {}, byNamespace: {}, byKindAndNamespace: {} };
  for (const r of rows) {
    inv.byKind[r.kind] = (inv.byKind[r.kind] ?? 0) + 1;
    inv.byNamespace[r.namespace] = (inv.byNamespace[r.namespace] ?? 0) + 1;
    const k = `${r.kind}\t${r.namespace}`;
    inv.byKindAndNamespace[k] = (inv.byKindAndNamespace[k] ?? 0) + 1;
  }
  return inv;
}
