import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log';

/**
 * Watches kubeconfig files (which may not exist yet) through their folders, and calls
 * `onChange` once per burst of changes. `watch` replaces the list being watched.
 */
export function createSourceWatcher(onChange: (files: string[]) => void, log: Logger, debounceMs = 300) {
  let watchers: fs.FSWatcher[] = [];
  let key = '';
  let timer: NodeJS.Timeout | undefined;
  const pending = new Set<string>();

  const fire = () => {
    timer = undefined;
    const files = [...pending];
    pending.clear();
    onChange(files);
  };

  return {
    watch(files: string[]) {
      const next = [...files].sort().join('\n');
      if (next === key) return;
      this.close();
      key = next;
      const byDir = new Map<string, Set<string>>();
      for (const f of files) {
        const dir = path.dirname(f);
        const set = byDir.get(dir) ?? new Set<string>();
        set.add(path.basename(f));
        byDir.set(dir, set);
      }
      for (const [dir, names] of byDir) {
        try {
          const w = fs.watch(dir, { persistent: false }, (_event, name) => {
            const base = name?.toString();
            if (base && !names.has(base)) return;
            pending.add(base ? path.join(dir, base) : dir);
            if (timer) clearTimeout(timer);
            timer = setTimeout(fire, debounceMs);
          });
          w.on('error', (error) => log.debug(`watching ${dir} stopped`, error));
          watchers.push(w);
        } catch (error) {
          log.debug(`cannot watch ${dir} (it may not exist)`, error);
        }
      }
    },
    close() {
      for (const w of watchers) w.close();
      watchers = [];
      key = '';
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
