/** Importer: manifests from files and folders become a "manifests" source (a virtual cluster). */
import { loadManifests, type LoadOptions } from './load';
import { inventoryOf, toRows } from './rows';
import { loadTexts, type TextFile } from './texts';
import type { ImportResult } from './types';

export interface ImportOptions extends LoadOptions {
  /** Defaults to 'manifests:<first input>'. */
  sourceId?: string;
  /** Virtual cluster name; defaults to 'manifests'. */
  cluster?: string;
  defaultNamespace?: string;
  /** Files handed over as text (dropped in a browser), imported with the paths. */
  texts?: readonly TextFile[];
}

export async function importManifests(inputs: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const sourceId = options.sourceId ?? `manifests:${inputs[0] ?? options.texts?.[0]?.name ?? ''}`;
  const cluster = options.cluster ?? 'manifests';
  const loaded = inputs.length
    ? await loadManifests(inputs, options)
    : { objects: [], issues: [], skipped: [], filesLoaded: [] };
  if (options.texts?.length) {
    const fromText = loadTexts(options.texts, options.limits);
    loaded.objects.push(...fromText.objects);
    loaded.issues.push(...fromText.issues);
    loaded.skipped.push(...fromText.skipped);
    loaded.filesLoaded.push(...fromText.filesLoaded);
  }
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
export { loadTexts, type TextFile } from './texts';
export { toRows, inventoryOf, splitApiVersion, clusterScopedKinds } from './rows';
export type * from './types';
