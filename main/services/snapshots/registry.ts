import type { SourceView } from '../../../shared/contract/sources';
import type { Logger } from '../log';
import type { ObjectStore } from '../../store/objects';
import type { SourceStore } from '../../store/sources';
import { SnapshotError } from './format';
import { openSnapshot, type OpenSnapshot, type SnapshotStore } from './reader';
import { snapshotView } from './view';

/**
 * The open data sources besides 'live': snapshots (served from their own file, read-only) and
 * imported manifests (rows in the main object cache under 'manifests:<id>'). Remembered in the
 * app database, so they are open again after a restart.
 *
 * For the manifests area:
 *   registry.registerSource(view)        // after writing its rows under view.id into the cache
 *   registry.closeSource(view.id)        // removes its rows from the cache and forgets it
 */
export interface SourceRegistry {
  /** Every open source but live, in the order they were opened. */
  list(): SourceView[];
  get(id: string): SourceView | undefined;
  /** The open snapshot behind a 'snapshot:<id>' source. */
  snapshot(id: string): OpenSnapshot | undefined;
  /**
   * Registers (or replaces) a source and remembers it. `snapshot`: its open file (rows are read
   * from there); otherwise its rows are in the main cache under view.id.
   */
  registerSource(view: SourceView, options?: { snapshot?: OpenSnapshot }): void;
  /** Forgets a source: closes a snapshot's file, or removes a manifests source's rows from the cache. */
  closeSource(id: string): boolean;
  /** Where a source's objects are read: the snapshot file's store, or the main cache. */
  storeFor(source: string | undefined): SnapshotStore;
  /** Reopens what was open before a restart; a file that moved or broke is forgotten (and logged). */
  restore(): void;
  closeAll(): void;
}

export interface RegistryOptions {
  store: SourceStore;
  objects: ObjectStore;
  log: Logger;
  /** sources.changed */
  changed(ids: string[]): void;
  now?: () => Date;
}

interface Entry {
  view: SourceView;
  snapshot?: OpenSnapshot;
}

export function createSourceRegistry(o: RegistryOptions): SourceRegistry {
  const entries = new Map<string, Entry>();
  const now = o.now ?? (() => new Date());

  const registry: SourceRegistry = {
    list: () => [...entries.values()].map((e) => e.view),
    get: (id) => entries.get(id)?.view,
    snapshot: (id) => entries.get(id)?.snapshot,
    registerSource(view, options = {}) {
      if (view.id === 'live') throw new Error('the live fleet is not a registered source');
      const previous = entries.get(view.id);
      if (previous?.snapshot && previous.snapshot !== options.snapshot) previous.snapshot.close();
      entries.set(view.id, { view, snapshot: options.snapshot });
      o.store.put({
        id: view.id,
        kind: view.kind === 'manifests' ? 'manifests' : 'snapshot',
        path: view.file,
        view: JSON.stringify(view),
        openedAt: now().toISOString(),
      });
      o.changed([view.id]);
    },
    closeSource(id) {
      const entry = entries.get(id);
      const remembered = o.store.remove(id);
      if (!entry) return remembered;
      entries.delete(id);
      if (entry.snapshot) entry.snapshot.close();
      else o.objects.clear(id);
      o.changed([id]);
      return true;
    },
    storeFor(source) {
      const snap = source ? entries.get(source)?.snapshot : undefined;
      return snap ? snap.store : o.objects;
    },
    restore() {
      for (const record of o.store.all()) {
        try {
          if (record.kind === 'snapshot') {
            if (!record.path) throw new Error('no file recorded');
            const snapshot = openSnapshot(record.path, record.id);
            entries.set(record.id, { view: snapshotView(record.id, snapshot), snapshot });
          } else {
            entries.set(record.id, { view: JSON.parse(record.view) as SourceView });
          }
        } catch (error) {
          const why = error instanceof SnapshotError ? error.message : String(error);
          o.log.warn(`not reopening ${record.id}: ${why}`);
          o.store.remove(record.id);
        }
      }
    },
    closeAll() {
      for (const e of entries.values()) e.snapshot?.close();
      entries.clear();
    },
  };
  return registry;
}
