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

export function yamlRoute(ref: YamlRef): string {
  const apiVersion = ref.group ? `${ref.group}~${ref.version}` : ref.version;
  const parts = ['yaml', ref.cluster, apiVersion, ref.kind, ref.namespace || NO_NAMESPACE, ref.name];
  return ['#', 'workloads', ...parts.map(encodeURIComponent)].join('/');
}

/** The reference in a workloads sub-path (`path` after `#/workloads/`), or undefined. */
export function parseYamlRoute(path: readonly string[]): (YamlRef & LiveObjectRef) | undefined {
  if (path[0] !== 'yaml' || path.length !== 6) return undefined;
  const [, cluster, apiVersion, kind, namespace, name] = path as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!cluster || !apiVersion || !kind || !name) return undefined;
  const cut = apiVersion.lastIndexOf('~');
  const group = cut < 0 ? '' : apiVersion.slice(0, cut);
  const version = cut < 0 ? apiVersion : apiVersion.slice(cut + 1);
  if (!version) return undefined;
  return { cluster, group, version, kind, namespace: namespace === NO_NAMESPACE ? '' : namespace, name };
}
