/**
 * Coalesces change notices: whatever changed in an interval goes out as one notice, at most once
 * per `intervalMs` (250 ms: ~4 a second), so the renderer refetches what is on screen without
 * being flooded by a busy fleet. The first change after a quiet period goes out at once.
 */
export interface ChangeNotice {
  source: string;
  changes: Array<{ cluster: string; kind: string; count: number }>;
}

export interface Notifier {
  changed(cluster: string, kind: string, count?: number): void;
  close(): void;
}

export function createNotifier(
  source: string,
  emit: (notice: ChangeNotice) => void,
  intervalMs = 250,
): Notifier {
  const pending = new Map<string, { cluster: string; kind: string; count: number }>();
  let timer: NodeJS.Timeout | undefined;
  let lastEmit = -Infinity;
  let closed = false;

  const fire = () => {
    timer = undefined;
    if (pending.size === 0 || closed) return;
    const changes = [...pending.values()];
    pending.clear();
    lastEmit = Date.now();
    emit({ source, changes });
  };

  return {
    changed(cluster, kind, count = 1) {
      if (closed || count <= 0) return;
      const key = `${cluster}\0${kind}`;
      const entry = pending.get(key);
      if (entry) entry.count += count;
      else pending.set(key, { cluster, kind, count });
      if (timer) return;
      const wait = Math.max(0, lastEmit + intervalMs - Date.now());
      timer = setTimeout(fire, wait);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      pending.clear();
    },
  };
}
