import fs from 'node:fs';
import path from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import type { z } from 'zod';
import type { ClusterRow } from '../../../shared/contract/fleet';
import type { CaptureScope, sourceCalls, SourceView } from '../../../shared/contract/sources';
import { AppError } from '../../../shared/contract/result';
import type { EventBus } from '../../ipc/events';
import type { Logger } from '../../services/log';
import type { CaptureCluster } from '../../services/snapshots/capture';
import { SnapshotError } from '../../services/snapshots/format';
import { openSnapshot } from '../../services/snapshots/reader';
import { createSourceRegistry, type SourceRegistry } from '../../services/snapshots/registry';
import { findSampleSnapshot } from '../../services/snapshots/sample';
import { createCaptureTasks } from '../../services/snapshots/tasks';
import { snapshotId, snapshotView } from '../../services/snapshots/view';
import type { Db } from '../../store/db';
import type { ObjectStore } from '../../store/objects';
import { createSourceStore } from '../../store/sources';
import { createWorkspaceStore } from '../../store/workspaces';
import { createCapturedFiles, type CapturedFile } from './sources-download';
import { createSourceRouting, type RoutedHandlers } from './sources-route';

/**
 * Data sources: the registry of open snapshots and imports (remembered across restarts),
 * opening .flotilla files (by path, or by content from browser mode), the sample snapshot,
 * captures with progress and cancel, and the routing that lets every fleet and object query
 * read a snapshot (see sources-route.ts).
 */

type SourceCalls = typeof sourceCalls;
type Names =
  | 'sources.list'
  | 'sources.close'
  | 'snapshots.open'
  | 'snapshots.openSample'
  | 'snapshots.capture'
  | 'snapshots.cancel';
export type SourcesHandlers = {
  [N in Names]: (input: z.output<SourceCalls[N]['input']>) => Promise<z.output<SourceCalls[N]['output']>>;
};

export interface SourcesContext {
  db: Db;
  log: Logger;
  events: Pick<EventBus, 'emit'>;
  dataDir: string;
  /** The main object cache. */
  objects: ObjectStore;
  /** Every attached cluster (live). */
  clusters(): Promise<ClusterRow[]>;
  kubeConfigFor(id: string): KubeConfig;
  flotillaVersion: string;
}

export interface SourcesArea {
  handlers: SourcesHandlers;
  registry: SourceRegistry;
  /** Wraps the fleet, nodes, namespaces and object handlers so they serve snapshot sources too. */
  route(handlers: RoutedHandlers): RoutedHandlers;
  /** Opens a .flotilla file (menu, `flotilla open FILE`); throws AppError naming the file. */
  open(file: string): SourceView;
  /** A file a capture of this run wrote, by its task id, opened for reading (browser mode's download). */
  captured(taskId: string): Promise<CapturedFile | undefined>;
  close(): Promise<void>;
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'snapshot';
const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-\d{3}Z$/, 'Z');

export function createSourcesArea(ctx: SourcesContext): SourcesArea {
  const registry = createSourceRegistry({
    store: createSourceStore(ctx.db),
    objects: ctx.objects,
    log: ctx.log,
    changed: (ids) => ctx.events.emit('sources.changed', { sources: ids }),
  });
  registry.restore();
  const workspaces = createWorkspaceStore(ctx.db);
  const captured = createCapturedFiles();
  const tasks = createCaptureTasks({
    log: ctx.log,
    progress: (p) => {
      // known before the renderer hears 'done', so its Download link works at once
      if (p.phase === 'done' && p.path) captured.remember(p.taskId, p.path);
      ctx.events.emit('snapshots.progress', p);
    },
  });
  const routing = createSourceRouting({ registry, log: ctx.log });

  const open = (file: string): SourceView => {
    const id = snapshotId(file);
    try {
      const snapshot = openSnapshot(path.resolve(file), id);
      const view = snapshotView(id, snapshot);
      registry.registerSource(view, { snapshot });
      return view;
    } catch (error) {
      if (error instanceof SnapshotError) throw new AppError('INVALID_ARGUMENT', error.message);
      throw error;
    }
  };

  /** A dropped file's bytes (browser mode) go to <data>/snapshots/opened/ first. */
  const saveDropped = (name: string, dataBase64: string): string => {
    const dir = path.join(ctx.dataDir, 'snapshots', 'opened');
    fs.mkdirSync(dir, { recursive: true });
    const base = slug(path.basename(name)).replace(/\.flotilla$/i, '');
    let file = path.join(dir, `${base}.flotilla`);
    for (let i = 2; fs.existsSync(file); i++) file = path.join(dir, `${base}-${i}.flotilla`);
    fs.writeFileSync(file, Buffer.from(dataBase64, 'base64'), { flag: 'wx' });
    return file;
  };

  const liveView = async (): Promise<SourceView> => {
    const rows = await ctx.clusters();
    return {
      id: 'live',
      kind: 'live',
      label:
        rows.length === 0
          ? 'No clusters attached'
          : `Live: ${rows.length} cluster${rows.length === 1 ? '' : 's'}`,
      clusters: rows.map((r) => ({
        name: r.name,
        group: r.groupName,
        provider: r.provider,
        version: r.version ?? '',
        nodes: r.nodes ?? 0,
        objects: 0,
      })),
      kinds: [],
      objects: ctx.objects.count({ source: 'live' }),
      includes: { secretValues: false, events: true, metrics: true, logs: true },
      readOnly: false,
    };
  };

  const resolveScope = async (scope: CaptureScope) => {
    const rows = await ctx.clusters();
    const toCapture = (r: ClusterRow): CaptureCluster => ({
      id: r.id,
      name: r.name,
      group: r.groupName,
      labels: r.labels,
      provider: r.provider,
      version: r.version ?? '',
      kubeConfig: () => ctx.kubeConfigFor(r.id),
    });
    if (scope.kind === 'fleet') return { clusters: rows.map(toCapture), label: 'fleet' };
    if (scope.kind === 'group') {
      const hit = rows.filter((r) => r.groupId === scope.name || r.groupName === scope.name);
      if (hit.length === 0) throw new AppError('NOT_FOUND', `No cluster is in a group named ${scope.name}`);
      return { clusters: hit.map(toCapture), label: `group ${hit[0]!.groupName}` };
    }
    if (scope.kind === 'cluster') {
      const hit = rows.find((r) => r.id === scope.name || r.name === scope.name);
      if (!hit) throw new AppError('NOT_FOUND', `No attached cluster is named ${scope.name}`);
      return { clusters: [toCapture(hit)], label: `cluster ${hit.name}` };
    }
    const ws = workspaces.workspaces().find((w) => w.id === scope.name || w.name === scope.name);
    if (!ws) throw new AppError('NOT_FOUND', `No workspace is named ${scope.name}`);
    const namespaces = new Map<string, Set<string>>();
    for (const m of workspaces.memberships(ws.id)) {
      if (!namespaces.has(m.cluster)) namespaces.set(m.cluster, new Set());
      namespaces.get(m.cluster)!.add(m.namespace);
    }
    const clusters = rows.filter((r) => namespaces.has(r.id)).map(toCapture);
    if (clusters.length === 0)
      throw new AppError('NOT_FOUND', `Workspace ${ws.name} has no namespaces to capture`);
    return { clusters, namespaces, label: `workspace ${ws.name}` };
  };

  const handlers: SourcesHandlers = {
    'sources.list': async () => [await liveView(), ...registry.list()],
    'sources.close': async ({ id }) => ({ closed: registry.closeSource(id) }),
    'snapshots.open': async (input) =>
      open('path' in input ? input.path : saveDropped(input.name, input.dataBase64)),
    'snapshots.openSample': async () => {
      const sample = findSampleSnapshot();
      if (!sample) {
        throw new AppError(
          'UNAVAILABLE',
          'The sample snapshot (resources/demo-fleet.flotilla) is not part of this build',
        );
      }
      return open(sample);
    },
    'snapshots.capture': async (input) => {
      const scope = await resolveScope(input.scope);
      const file =
        input.path ??
        path.join(ctx.dataDir, 'snapshots', `${slug(scope.label)}-${stamp(new Date())}.flotilla`);
      if (!file.endsWith('.flotilla')) {
        throw new AppError('INVALID_ARGUMENT', `${file}: a snapshot file name ends in .flotilla`);
      }
      const taskId = tasks.start({
        db: ctx.db,
        clusters: scope.clusters,
        namespaces: scope.namespaces,
        scope: scope.label,
        file,
        includes: {
          secretValues: input.includeSecretValues,
          events: input.includeEvents,
          metrics: input.includeMetrics,
          logs: input.includeLogs,
        },
        flotillaVersion: ctx.flotillaVersion,
        note: input.note,
      });
      return { taskId };
    },
    'snapshots.cancel': async ({ taskId }) => ({ cancelled: tasks.cancel(taskId) }),
  };

  return {
    handlers,
    registry,
    route: (h) => routing.route(h),
    open,
    captured: (taskId) => captured.open(taskId),
    async close() {
      await tasks.cancelAll();
      registry.closeAll();
    },
  };
}
