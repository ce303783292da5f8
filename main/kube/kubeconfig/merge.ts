import type { KubeconfigFile, MergedKubeconfig } from './model';

/**
 * Merges files by kubectl's rules: files in $KUBECONFIG order; for each cluster, user and
 * context name the first file that defines it wins (whole entry, no field-by-field merge);
 * current-context comes from the first file that sets one. Paths were already resolved
 * against each defining file's own folder when it was parsed.
 */
export function mergeKubeconfigs(files: readonly KubeconfigFile[]): MergedKubeconfig {
  const merged: MergedKubeconfig = {
    sources: files.map((f) => f.source),
    clusters: new Map(),
    users: new Map(),
    contexts: new Map(),
    problems: [],
  };
  for (const file of files) {
    merged.currentContext ??= file.currentContext;
    for (const c of file.clusters) if (!merged.clusters.has(c.name)) merged.clusters.set(c.name, c);
    for (const u of file.users) if (!merged.users.has(u.name)) merged.users.set(u.name, u);
    for (const c of file.contexts) if (!merged.contexts.has(c.name)) merged.contexts.set(c.name, c);
    merged.problems.push(...file.problems);
  }
  const current = merged.currentContext;
  if (current && !merged.contexts.has(current)) {
    const from = files.find((f) => f.currentContext === current);
    merged.problems.push({
      severity: 'warning',
      field: 'current-context',
      message: `current-context "${current}" (set in ${from?.source ?? 'a file'}) names a context that no file defines`,
      file: from?.source,
    });
  }
  return merged;
}
