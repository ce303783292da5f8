import { randomUUID } from 'node:crypto';
import type { ClusterRow, GroupRow } from '../../../shared/contract/fleet';
import { AppError } from '../../../shared/contract/result';
import type { FleetStore, GroupRecord } from '../../store/fleet';
import { labelsProblem } from './service';
import { nameProblem } from './names';

/** Totals of a group from its clusters' rows. */
export function groupRow(g: GroupRecord, rows: readonly ClusterRow[]): GroupRow {
  const mine = rows.filter((r) => r.groupId === g.id);
  const add = (key: 'cpu' | 'memory') =>
    mine.reduce(
      (t, r) => ({
        requested: t.requested + (r[key]?.requested ?? 0),
        allocatable: t.allocatable + (r[key]?.allocatable ?? 0),
      }),
      { requested: 0, allocatable: 0 },
    );
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    labels: g.labels,
    clusters: mine.length,
    ready: mine.filter((r) => r.status === 'ready').length,
    nodes: mine.reduce((n, r) => n + (r.nodes ?? 0), 0),
    cpu: add('cpu'),
    memory: add('memory'),
    createdAt: g.createdAt,
  };
}

/** Cluster groups: create, rename, describe, label, delete (empty, or moving clusters to default). */
export function createGroups(deps: {
  store: FleetStore;
  rows(): ClusterRow[];
  changed(ids: string[]): void;
  now?: () => Date;
}) {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const find = (id: string) => {
    const g = store.group(id);
    if (!g) throw new AppError('NOT_FOUND', `No cluster group with id ${id}.`);
    return g;
  };
  const checkName = (name: string, except?: string) => {
    const p = nameProblem(name, 'Cluster group name');
    if (p) throw new AppError('INVALID_ARGUMENT', p);
    if (store.groups().some((g) => g.name === name && g.id !== except)) {
      throw new AppError('CONFLICT', `A cluster group named "${name}" exists already.`);
    }
  };
  const checkLabels = (labels: Record<string, string> | undefined) => {
    const p = labels ? labelsProblem(labels) : null;
    if (p) throw new AppError('INVALID_ARGUMENT', p);
  };
  return {
    list(): GroupRow[] {
      const rows = deps.rows();
      return store.groups().map((g) => groupRow(g, rows));
    },
    create(input: { name: string; description: string; labels: Record<string, string> }): GroupRow {
      checkName(input.name);
      checkLabels(input.labels);
      const g: GroupRecord = { id: randomUUID(), ...input, createdAt: now().toISOString() };
      store.insertGroup(g);
      deps.changed([g.id]);
      return groupRow(g, []);
    },
    update(input: {
      id: string;
      name?: string;
      description?: string;
      labels?: Record<string, string>;
    }): GroupRow {
      const g = find(input.id);
      if (input.name !== undefined && input.name !== g.name) {
        if (g.id === 'default')
          throw new AppError('INVALID_ARGUMENT', 'The default group cannot be renamed.');
        checkName(input.name, g.id);
      }
      checkLabels(input.labels);
      store.updateGroup(g.id, input);
      deps.changed([g.id]);
      return groupRow(find(g.id), deps.rows());
    },
    delete(id: string, moveClustersToDefault: boolean): { moved: number } {
      const g = find(id);
      if (g.id === 'default') throw new AppError('INVALID_ARGUMENT', 'The default group cannot be deleted.');
      const count = deps.rows().filter((r) => r.groupId === id).length;
      if (count > 0 && !moveClustersToDefault) {
        throw new AppError(
          'CONFLICT',
          `Cluster group "${g.name}" still has ${count} cluster${count > 1 ? 's' : ''}; move them to default or elsewhere first.`,
        );
      }
      const moved = store.deleteGroup(id, moveClustersToDefault);
      deps.changed([id]);
      return { moved };
    },
  };
}
export type Groups = ReturnType<typeof createGroups>;
