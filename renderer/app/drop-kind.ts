/**
 * Which feature takes a dropped file. Several features listen for drops on the window: snapshots
 * (.flotilla), kubeconfigs (the Clusters pages) and manifests (YAML/JSON, a virtual cluster). Each one
 * claims a drop synchronously when it *may* hold its kind (`mayBe`), then reads the start of the ambiguous
 * files and keeps only those `dropKind` gives it. One pure rule, so the handlers never fight.
 */

export type DropKind = 'snapshot' | 'kubeconfig' | 'manifests' | 'other';

/** How much of a YAML/JSON file to read to tell a kubeconfig from manifests. */
export const HEAD_BYTES = 64 * 1024;

const extOf = (name: string): string => {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
};

const baseOf = (name: string): string => (name.split(/[\\/]/).pop() ?? name).toLowerCase();

/** A name kubeconfigs go by: `config`, `kubeconfig`, `*.kubeconfig`, `kubeconfig-*`, or no extension. */
function kubeconfigName(name: string): boolean {
  const base = baseOf(name);
  return base === 'config' || base.includes('kubeconfig') || extOf(name) === '' || extOf(name) === 'conf';
}

const YAML_EXT = new Set(['yaml', 'yml', 'json']);

/**
 * What the name alone says: 'yaml' means YAML or JSON whose text decides (kubeconfig or manifests).
 * A dropped folder holds manifests.
 */
export function dropKindByName(
  name: string,
  directory = false,
): 'snapshot' | 'kubeconfig' | 'manifests' | 'yaml' | 'other' {
  if (directory) return 'manifests';
  const ext = extOf(name);
  if (ext === 'flotilla') return 'snapshot';
  if (baseOf(name).includes('kubeconfig')) return 'kubeconfig';
  if (YAML_EXT.has(ext)) return 'yaml';
  if (kubeconfigName(name)) return 'kubeconfig';
  return 'other';
}

/** A kubeconfig's text: a top-level `kind: Config` (YAML) or `"kind": "Config"` (JSON). */
export function looksLikeKubeconfig(text: string): boolean {
  if (/^kind:\s*["']?Config["']?\s*(#.*)?$/m.test(text)) return true;
  return /"kind"\s*:\s*"Config"/.test(text) && /"(clusters|contexts)"\s*:/.test(text);
}

/** The feature that takes a dropped file, from its name and (for YAML/JSON) the start of its text. */
export function dropKind(name: string, head?: string, directory = false): DropKind {
  const byName = dropKindByName(name, directory);
  if (byName !== 'yaml') return byName;
  if (head === undefined) return 'other';
  return looksLikeKubeconfig(head) ? 'kubeconfig' : 'manifests';
}

/** Whether a handler of `kind` should claim a drop holding a file of this name (before reading it). */
export function mayBe(kind: Exclude<DropKind, 'other'>, name: string, directory = false): boolean {
  const byName = dropKindByName(name, directory);
  if (kind === 'snapshot') return byName === 'snapshot';
  if (kind === 'kubeconfig') return byName === 'kubeconfig' || byName === 'yaml';
  return byName === 'manifests' || byName === 'yaml';
}

/** Which dropped items are folders (DataTransfer lists a folder as a File with its name). */
export function droppedFolders(transfer: DataTransfer | null): Set<string> {
  const out = new Set<string>();
  for (const item of [...(transfer?.items ?? [])]) {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry?.() : null;
    if (entry?.isDirectory) out.add(entry.name);
  }
  return out;
}

/** Reads the start of each file whose name leaves its kind open, and sorts the files by kind. */
export async function sortDrop<F extends { name: string; slice(start: number, end: number): Blob }>(
  files: F[],
  folders: ReadonlySet<string> = new Set(),
): Promise<Record<DropKind, F[]>> {
  const out: Record<DropKind, F[]> = { snapshot: [], kubeconfig: [], manifests: [], other: [] };
  await Promise.all(
    files.map(async (file) => {
      const directory = folders.has(file.name);
      const needsText = dropKindByName(file.name, directory) === 'yaml';
      const head = needsText ? await file.slice(0, HEAD_BYTES).text() : undefined;
      out[dropKind(file.name, head, directory)].push(file);
    }),
  );
  // Promise.all settles in any order: keep the order the user dropped them in.
  for (const list of Object.values(out)) list.sort((a, b) => files.indexOf(a) - files.indexOf(b));
  return out;
}
