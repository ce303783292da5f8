/** Importer: manifests from files and folders become a "manifests" source (a virtual cluster). */
import { loadManifests, type LoadOptions } from './load';
import { inventoryOf, toRows } from './rows';
import type { ImportResult } from './types';

export interface ImportOptions extends LoadOptions {
  /** Defaults to 'manifests:<first input>'. */
  sourceId?: string;
  /** Virtual cluster name; defaults to 'manifests'. */
  cluster?: string;
  defaultNamespace?: string;
}

export async function importManifests(inputs: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const sourceId = options.sourceId ?? `manifests:${inputs[0] ?? ''}`;
  const cluster = options.cluster ?? 'manifests';
  const loaded = await loadManifests(inputs, options);
  const { rows, issues } = toRows(loaded.objects, {
    sourceId,
    cluster,
    defaultNamespace: options.defaultNamespace,
  });
  return {
    sourceId,
    cluster,
    objects: rows,
    filesLoaded: loaded.filesLoaded,
    skipped: loaded.skipped,
    issues: [...loaded.issues, ...issues],
    inventory: inventoryOf(rows),
  };
}

export { parseManifestText } from './parse';
export { loadManifests } from './load';
export { toRows, inventoryOf, splitApiVersion, clusterScopedKinds } from './rows';
export type * from './types';
