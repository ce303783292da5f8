import fs from 'node:fs';
import path from 'node:path';

export interface KubeconfigWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Changes closer together than this are reported once. */
  debounceMs?: number;
  /** Called when a folder cannot be watched (e.g. it does not exist yet). */
  onError?: (error: Error) => void;
}

/**
 * Calls `onChange` (debounced) when any of the kubeconfig files changes, appears or
 * disappears. Each file's folder is watched rather than the file itself, so editors that
 * save by writing a new file and renaming it over the old one (and tools that create
 * ~/.kube/config later) are seen. Folders that do not exist are reported and skipped.
 */
export function watchKubeconfigFiles(
  files: readonly string[],
  onChange: (changed: string[]) => void,
  options: WatchOptions = {},
): KubeconfigWatcher {
  const debounceMs = options.debounceMs ?? 200;
  const byDir = new Map<string, Set<string>>();
  for (const file of files) {
    const abs = path.resolve(file);
    const dir = path.dirname(abs);
    if (!byDir.has(dir)) byDir.set(dir, new Set());
    byDir.get(dir)!.add(path.basename(abs));
  }
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const flush = () => {
    timer = undefined;
    if (closed || pending.size === 0) return;
    const changed = [...pending].sort();
    pending.clear();
    onChange(changed);
  };
  const watchers: fs.FSWatcher[] = [];
  for (const [dir, names] of byDir) {
    try {
      const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
        const base = name?.toString();
        // some platforms omit the name: then any of the folder's files may have changed
        const hits = base ? (names.has(base) ? [base] : []) : [...names];
        if (hits.length === 0) return;
        for (const h of hits) pending.add(path.join(dir, h));
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      });
      watcher.on('error', (error) => options.onError?.(error));
      watchers.push(watcher);
    } catch (error) {
      options.onError?.(error as Error);
    }
  }
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
