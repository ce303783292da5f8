import type { LiveObjectRef } from '../../../shared/contract/apply';

/**
 * The YAML editor's hash route, for links from any view:
 * `#/workloads/yaml/<cluster>/<group~version>/<kind>/<namespace or _>/<name>`.
 * The apiVersion's "/" becomes "~" so it stays one path segment.
 */

export interface YamlRef {
  cluster: string;
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

const NO_NAMESPACE = '_';

/** `highlight`: a field path to highlight (`?path=spec.replicas` after the name, e.g. from an inspection finding). */
export function yamlRoute(ref: YamlRef, highlight?: string): string {
  const apiVersion = ref.group ? `${ref.group}~${ref.version}` : ref.version;
  const parts = ['yaml', ref.cluster, apiVersion, ref.kind, ref.namespace || NO_NAMESPACE, ref.name];
  const query = highlight
    ? `?${encodeURIComponent(new URLSearchParams({ path: highlight }).toString())}`
    : '';
  return ['#', 'workloads', ...parts.map(encodeURIComponent)].join('/') + query;
}

/** The field path to highlight (`?path=…` after the name), or undefined. */
export function yamlHighlight(path: readonly string[]): string | undefined {
  const last = path[5] ?? '';
  const q = last.indexOf('?');
  return q < 0 ? undefined : (new URLSearchParams(last.slice(q + 1)).get('path') ?? undefined);
}

/** The reference in a workloads sub-path (`path` after `#/workloads/`), or undefined. */
export function parseYamlRoute(path: readonly string[]): (YamlRef & LiveObjectRef) | undefined {
  if (path[0] !== 'yaml' || path.length !== 6) return undefined;
  const [, cluster, apiVersion, kind, namespace, nameAndQuery] = path as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const name = nameAndQuery.split('?')[0];
  if (!cluster || !apiVersion || !kind || !name) return undefined;
  const cut = apiVersion.lastIndexOf('~');
  const group = cut < 0 ? '' : apiVersion.slice(0, cut);
  const version = cut < 0 ? apiVersion : apiVersion.slice(cut + 1);
  if (!version) return undefined;
  return { cluster, group, version, kind, namespace: namespace === NO_NAMESPACE ? '' : namespace, name };
}
