import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Shell } from '../../shared/contract';
import { createApplyArea } from './areas/apply';
import { createDiffArea } from './areas/diff';
import { createFleetArea } from './areas/fleet';
import { createInspectionsArea } from './areas/inspections';
import { createManifestsArea, workspaceNamespacesFrom } from './areas/manifests';
import { createNodesArea } from './areas/nodes';
import { createObjectsArea } from './areas/objects';
import { createPodsArea } from './areas/pods';
import { createSourcesArea, type SourcesArea } from './areas/sources';
import { createWorkspacesArea } from './areas/workspaces';
import type { Sealer } from '../services/credentials/sealer';
import type { SimLauncher } from '../services/demo';
import { createOpenApiCache, type OpenApiCache } from '../kube/openapi-cache';
import { createEventBus, type EventBus } from '../ipc/events';
import { recordedLog, recordedPodUsage } from '../services/snapshots/recorded';
import { createRouter, type Router } from '../ipc/router';
import type { Logger } from '../services/log';
import { openDatabase, latestVersion, type Db } from '../store/db';
import { createSettingsStore } from '../store/settings';
import { APP_NAME, APP_VERSION } from './version';

export interface AppCore {
  router: Router;
  events: EventBus;
  db: Db;
  log: Logger;
  /** A snapshot file a capture of this run wrote, by task id (browser mode serves it as a download). */
  capturedSnapshot: SourcesArea['captured'];
  close(): Promise<void>;
}

export interface ComposeOptions {
  dataDir: string;
  shell: Shell;
  log: Logger;
  /** better-sqlite3 built for Electron, when the desktop shell runs from source (see electron-native.ts). */
  sqliteBinding?: string;
  /** Seals credentials at rest; the user-only key file in the data folder when absent. */
  sealer?: { sealer: Sealer; id: string };
  /** The YAML editor's cache of the clusters' OpenAPI (default: a new one); detaching a cluster empties its part. */
  openapi?: OpenApiCache;
  /** How the demo fleet's simulator starts (the desktop shell: utilityProcess.fork; default child_process.fork). */
  simLauncher?: SimLauncher;
}

/** Builds the services and the contract handlers over one data folder. Shared by every shell. */
export function createAppCore({
  dataDir,
  shell,
  log,
  sqliteBinding,
  sealer,
  openapi = createOpenApiCache(),
  simLauncher,
}: ComposeOptions): AppCore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(path.join(dataDir, 'flotilla.db'), { nativeBinding: sqliteBinding });
  const events = createEventBus();
  const settings = createSettingsStore(db);

  const nodes = createNodesArea({ db, log: log.child('nodes') });
  const objects = createObjectsArea({ db, log: log.child('objects'), emit: (n, p) => events.emit(n, p) });
  const fleet = createFleetArea({
    db,
    log: log.child('fleet'),
    events,
    dataDir,
    sealer,
    simLauncher,
    cache: nodes.tap(objects.service),
  });
  const workspaces = createWorkspacesArea({
    db,
    log: log.child('workspaces'),
    events,
    kubeConfigFor: (id) => fleet.kubeConfigFor(id),
    objects: objects.service.store,
  });

  const apply = createApplyArea({
    log: log.child('apply'),
    cluster: (id) => fleet.handlers['clusters.get']({ id }),
    kubeConfigFor: (id) => fleet.kubeConfigFor(id),
    openapi,
  });

  const pods = createPodsArea({
    log: log.child('pods'),
    emit: (n, p) => events.emit(n, p),
    kubeConfigFor: (id) => fleet.kubeConfigFor(id),
    // messages name a cluster as the fleet does (it may have been renamed since its kubeconfig)
    clusterName: async (id) => (await fleet.handlers['clusters.get']({ id })).name,
    recorded: (source) => {
      const snap = sources.registry.snapshot(source);
      return snap
        ? {
            usage: (cluster, namespace, pod) => recordedPodUsage(snap.db, cluster, namespace, pod),
            log: (cluster, namespace, pod, container) =>
              recordedLog(snap.db, cluster, namespace, pod, container),
          }
        : undefined;
    },
  });

  const sources = createSourcesArea({
    db,
    log: log.child('sources'),
    events,
    dataDir,
    objects: objects.service.store,
    clusters: async () =>
      (await fleet.handlers['clusters.list']({ sort: 'name', dir: 'asc', offset: 0, limit: 1000 })).items,
    kubeConfigFor: (id) => fleet.kubeConfigFor(id),
    flotillaVersion: APP_VERSION,
  });
  const manifests = createManifestsArea({
    log: log.child('manifests'),
    store: objects.service.store,
    kubeConfigFor: (id) => fleet.kubeConfigFor(id),
    workspaceNamespaces: workspaceNamespacesFrom(db),
    emit: (n, p) => events.emit(n, p),
    registry: sources.registry,
  });
  const diff = createDiffArea({
    storeFor: (source) => sources.registry.storeFor(source),
    liveClusters: () =>
      new Map(
        db
          .prepare<[], { id: string; name: string }>('SELECT id, name FROM clusters')
          .all()
          .map((c) => [c.id, c.name]),
      ),
  });

  const inspections = createInspectionsArea({
    db,
    log: log.child('inspections'),
    emit: (n, p) => events.emit(n, p),
    readerFor: (source) => sources.registry.storeFor(source),
    kubeConfigYaml: (id) => fleet.kubeConfigFor(id).exportConfig(),
    clusters: async () =>
      (await fleet.handlers['clusters.list']({ sort: 'name', dir: 'asc', offset: 0, limit: 1000 })).items,
    workspace: async (id) => await workspaces.handlers['workspaces.get']({ id }),
    sources: async () => await sources.handlers['sources.list']({}),
  });

  const router = createRouter(
    {
      'app.info': () => ({
        name: APP_NAME,
        version: APP_VERSION,
        shell,
        dataDir,
        schemaVersion: latestVersion,
        platform: `${os.platform()}-${os.arch()}`,
      }),
      'app.status': () => fleet.status(),
      'settings.get': () => settings.get(),
      'settings.update': (patch) => {
        const next = settings.update(patch);
        events.emit('settings.changed', next);
        return next;
      },
      ...fleet.handlers,
      'clusters.detach': async (input) => {
        const detached = await fleet.handlers['clusters.detach'](input);
        for (const id of input.ids) openapi.forget(id);
        return detached;
      },
      ...objects.handlers,
      ...pods.handlers,
      ...apply.handlers,
      ...nodes.handlers,
      ...workspaces.handlers,
      ...sources.handlers,
      ...manifests.handlers,
      ...diff.handlers,
      ...inspections.handlers,
      // every fleet and object query of a snapshot source is served from its file
      ...sources.route({
        'clusters.list': fleet.handlers['clusters.list'],
        'clusters.overview': fleet.handlers['clusters.overview'],
        'namespaces.list': workspaces.handlers['namespaces.list'],
        'nodes.list': nodes.handlers['nodes.list'],
        'objects.query': objects.handlers['objects.query'],
        'objects.get': objects.handlers['objects.get'],
        'objects.count': objects.handlers['objects.count'],
        'search.query': objects.handlers['search.query'],
      }),
    },
    log.child('ipc'),
  );

  return {
    router,
    events,
    db,
    log,
    capturedSnapshot: (taskId) => sources.captured(taskId),
    async close() {
      await inspections.close();
      await sources.close();
      pods.close();
      await fleet.close();
      await objects.close();
      db.close();
    },
  };
}
