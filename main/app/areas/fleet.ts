import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KubeConfig } from '@kubernetes/client-node';
import type { AppStatus } from '../../../shared/contract';
import type { fleetCalls } from '../../../shared/contract/fleet';
import type { EventBus } from '../../ipc/events';
import type { Handlers } from '../../ipc/router';
import { createConnections, type ConnectionsOptions } from '../../services/connections/manager';
import {
  createCredentialVault,
  createKeyFileSealer,
  KEY_FILE_SEALER_ID,
  loadOrCreateKey,
  type Sealer,
} from '../../services/credentials';
import { createDemo, type DemoOptions } from '../../services/demo';
import { createGroups } from '../../services/fleet/groups';
import { createImports } from '../../services/fleet/imports';
import { createFleetService } from '../../services/fleet/service';
import { createSourceWatcher } from '../../services/fleet/watch-sources';
import type { Logger } from '../../services/log';
import { createCredentialStore } from '../../store/credentials';
import type { Db } from '../../store/db';
import { createFleetStore } from '../../store/fleet';

export interface AreaContext {
  db: Db;
  log: Logger;
  events: EventBus;
  dataDir: string;
  /** How credentials are sealed at rest: Electron passes safeStorage; the default is a user-only key file. */
  sealer?: { sealer: Sealer; id: string };
  /** Connection timing (tests and the CLI shorten it). */
  connections?: Pick<ConnectionsOptions, 'timing' | 'probeTimeoutMs' | 'concurrency' | 'tickMs'>;
  /** Whether to connect to attached clusters at start (the CLI connects on demand). */
  connect?: boolean;
  demoCommand?: DemoOptions['command'];
  /** How the demo's simulator process starts (child_process.fork when absent). */
  simLauncher?: DemoOptions['launch'];
  /** The live object cache: started when a cluster first becomes ready, purged when it is detached. */
  cache?: {
    start(clusterId: string, kubeConfig: KubeConfig): void;
    stop(clusterId: string, options?: { purge?: boolean }): Promise<void>;
    /** Ends the back-off waits of a cluster's informers: they list again now. */
    retry(clusterId: string): void;
  };
}

export interface FleetArea {
  handlers: Pick<Handlers, keyof typeof fleetCalls>;
  /** What the status bar shows about the fleet. */
  status(): AppStatus;
  /** Credentials of an attached cluster, for areas that write to it (namespaces). */
  kubeConfigFor(id: string): KubeConfig;
  /** Probes every attached cluster once (CLI). */
  refresh(): Promise<void>;
  close(): Promise<void> | void;
}

/** kube-sim for the demo fleet: the built bundle beside dist/main, else tsx over the source. */
export function findSimCommand(): DemoOptions['command'] | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = [path.resolve(here, '../sim/cli.mjs'), path.resolve(here, '../../dist/sim/cli.mjs')].find(
    (f) => fs.existsSync(f),
  );
  if (built) return { program: process.execPath, args: [built] };
  for (let dir = here, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const cli = path.join(dir, 'sim', 'cli.ts');
    const tsx = path.join(dir, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    if (fs.existsSync(cli) && fs.existsSync(tsx))
      return { program: process.execPath, args: [tsx, cli], cwd: dir };
  }
  return undefined;
}

/** The fleet area: clusters, groups, connections. Wires services to their contract handlers. */
export function createFleetArea(ctx: AreaContext): FleetArea {
  const log = ctx.log;
  const store = createFleetStore(ctx.db);
  const sealer = ctx.sealer ?? {
    sealer: createKeyFileSealer(loadOrCreateKey(path.join(ctx.dataDir, 'credentials.key'))),
    id: KEY_FILE_SEALER_ID,
  };
  const vault = createCredentialVault({
    store: createCredentialStore(ctx.db),
    sealer: sealer.sealer,
    sealerId: sealer.id,
  });

  // clusters.changed is batched: at most a few events a second, whatever the fleet size.
  const pending = new Map<string, string>();
  let flushTimer: NodeJS.Timeout | undefined;
  const changed = (ids: string[], reason: string) => {
    for (const id of ids) pending.set(id, reason);
    if (ids.length === 0) pending.set('', reason);
    flushTimer ??= setTimeout(() => {
      flushTimer = undefined;
      const reasons = new Set(pending.values());
      const list = [...pending.keys()].filter(Boolean);
      pending.clear();
      ctx.events.emit('clusters.changed', { ids: list, reason: [...reasons].join(', ') });
      ctx.events.emit('app.status', status());
    }, 250);
  };

  const imports = createImports({
    approvals: () => store.approvals(),
    attachedAs: (server, user) => {
      const hit = store.clusters().find((c) => c.server === server && c.userName === (user ?? ''));
      return hit ? { id: hit.id, name: hit.name } : undefined;
    },
  });

  /** Clusters whose objects are being cached (informers reconnect by themselves after that). */
  const cached = new Set<string>();
  /** Clusters whose last connection state was ready. */
  const ready = new Set<string>();
  // eslint-disable-next-line prefer-const -- fleet and connections refer to each other
  let fleet: ReturnType<typeof createFleetService>;
  const connections = createConnections({
    log: log.child('connections'),
    kubeConfigFor: (id) => fleet.kubeConfigFor(id),
    onState: (id, s) => {
      const recovered = s.state === 'ready' && !ready.has(id);
      if (s.state === 'ready') ready.add(id);
      else ready.delete(id);
      if (s.state === 'ready' && ctx.cache && !cached.has(id)) {
        try {
          ctx.cache.start(id, fleet.kubeConfigFor(id));
          cached.add(id);
        } catch (error) {
          log.warn(`cannot cache objects of ${id}`, error);
        }
      } else if (recovered && cached.has(id)) {
        // the cluster answers again: its informers may be waiting out a back-off of up to 30 s
        ctx.cache?.retry(id);
      }
      ctx.events.emit('cluster.connection', {
        id,
        state: s.state,
        message: s.message,
        failure: s.failure,
        nextRetryAt: s.state === 'ready' ? undefined : new Date(s.nextAt).toISOString(),
      });
      changed([id], 'connection');
    },
    onObservation: (id) => changed([id], 'observed'),
    ...ctx.connections,
  });
  fleet = createFleetService({ store, vault, imports, connections, log, changed });
  const groups = createGroups({
    store,
    rows: () => fleet.rows(),
    changed: (ids) => {
      ctx.events.emit('groups.changed', { ids });
      changed([], 'groups');
    },
  });
  const watcher = createSourceWatcher(
    (files) => ctx.events.emit('kubeconfig.sourcesChanged', { files }),
    log,
  );
  const simCommand = ctx.demoCommand ?? findSimCommand();
  const demo = simCommand
    ? createDemo({
        command: simCommand,
        outDir: path.join(ctx.dataDir, 'demo-fleet'),
        log: log.child('demo'),
        launch: ctx.simLauncher,
      })
    : undefined;

  if (ctx.connect !== false) fleet.start();

  const handlers: FleetArea['handlers'] = {
    'kubeconfig.inspect': (input) => imports.inspect(input),
    'kubeconfig.sources': () => {
      const result = imports.system();
      watcher.watch(result.files.map((f) => f.path));
      return result;
    },
    'execApprovals.approve': ({ importId, context }) => fleet.approve(importId, context),
    'clusters.attach': ({ importId, items }) => fleet.attach(importId, items),
    'clusters.list': (query) => fleet.list(query),
    'clusters.get': ({ id }) => fleet.get(id),
    'clusters.overview': ({ id }) => fleet.overview(id),
    'clusters.update': ({ id, ...patch }) => fleet.update(id, patch),
    'clusters.move': ({ ids, groupId }) => fleet.move(ids, groupId),
    'clusters.detach': async ({ ids, confirmNames }) => {
      const result = fleet.detach(ids, confirmNames);
      for (const id of ids) ready.delete(id);
      for (const id of ids.filter((i) => cached.delete(i))) await ctx.cache?.stop(id, { purge: true });
      return result;
    },
    'clusters.verify': (input) => fleet.verify(input),
    'clusters.reconnect': ({ ids }) => {
      for (const id of ids) if (cached.has(id)) ctx.cache?.retry(id);
      return fleet.reconnect(ids);
    },
    'groups.list': () => groups.list(),
    'groups.create': (input) => groups.create(input),
    'groups.update': (input) => groups.update(input),
    'groups.delete': ({ id, moveClustersToDefault }) => groups.delete(id, moveClustersToDefault),
    'demo.start': async () => {
      if (!demo) throw new Error('The simulator is not part of this build, so the demo fleet cannot start.');
      const kubeconfig = await demo.start();
      const inspection = imports.inspect({ paths: [kubeconfig] });
      const taken = new Set(fleet.rows().map((r) => r.name));
      // One cluster per API server: the demo kubeconfig also has viewer and client-certificate contexts.
      const servers = new Set<string>();
      const items = inspection.contexts
        .filter((c) => c.ok && !c.attachedAs && !taken.has(c.suggestedName))
        .filter((c) => !c.server || (!servers.has(c.server) && servers.add(c.server) !== undefined))
        .map((c) => ({
          context: c.key,
          name: c.suggestedName,
          description: 'kube-sim demo cluster',
          labels: { demo: 'true' },
          groupId: 'default',
        }));
      const { results } = items.length > 0 ? fleet.attach(inspection.importId, items) : { results: [] };
      return { attached: results.filter((r) => r.ok).map((r) => r.clusterId!), kubeconfig };
    },
  };

  function status(): AppStatus {
    const rows = fleet.rows();
    const ready = rows.filter((r) => r.status === 'ready').length;
    return {
      dataSource: rows.length > 0 ? 'live' : 'none',
      sourceLabel:
        rows.length === 0 ? 'No clusters attached' : `${rows.length} cluster${rows.length === 1 ? '' : 's'}`,
      health: rows.length === 0 ? 'none' : ready === rows.length ? 'ok' : ready === 0 ? 'down' : 'degraded',
      clustersReady: ready,
      clustersTotal: rows.length,
    };
  }

  return {
    handlers,
    status,
    kubeConfigFor: (id) => fleet.kubeConfigFor(id),
    async refresh() {
      fleet.start();
      await connections.probeAllOnce();
    },
    async close() {
      connections.stop();
      fleet.close();
      watcher.close();
      if (flushTimer) clearTimeout(flushTimer);
      await demo?.stop();
    },
  };
}
