import type { KubeConfig } from '@kubernetes/client-node';
import type { z } from 'zod';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { SourceView, sourceCalls } from '../../../shared/contract/sources';
import { AppError } from '../../../shared/contract/result';
import type { ObjectReader, StoredObject } from '../../../shared/objects/types';
import { kubeObjects } from '../../kube/apply';
import { CALL_DEADLINE_MS, ClusterDeadlineError, clusterLabel, withDeadline } from '../../kube/deadline';
import { exportObjects, ExportWriteError, type ExportItem } from '../../services/export';
import {
  createManifestImports,
  type ImportStore,
  type ManifestImports,
} from '../../services/importer/virtual-cluster';
import { runManifestApply } from '../../services/manifests-apply/apply';
import { clusterApplyClient } from '../../services/manifests-apply/client';
import { prepareForApply } from '../../services/manifests-apply/prepare';
import type { Logger } from '../../services/log';
import type { Db } from '../../store/db';
import { createWorkspaceStore } from '../../store/workspaces';
import { gatherExport, GatherError } from '../../services/export/gather';

/**
 * Imported manifests as a virtual cluster ('manifests.import'), applying them to a live cluster
 * ('manifests.apply': server-side dry run of all, then apply in dependency order) and export as
 * clean YAML from any source ('export.yaml').
 */

type SourceCalls = typeof sourceCalls;
type Names = 'manifests.import' | 'manifests.apply' | 'export.yaml';
export type ManifestsHandlers = {
  [N in Names]: (input: z.output<SourceCalls[N]['input']>) => Promise<z.output<SourceCalls[N]['output']>>;
};

/** The sources registry (main/services/snapshots/registry.ts): imports are listed and remembered there. */
export interface SourceRegistryPort {
  registerSource(view: SourceView): void;
  get(id: string): SourceView | undefined;
  /** Where a source's objects are read (a snapshot's own file, or the main cache). */
  storeFor(source: string | undefined): ObjectReader;
}

export interface ManifestsAreaContext {
  log: Logger;
  /** The object cache the objects area serves (imports are written to it, exports read from it). */
  store: ImportStore & ObjectReader;
  /** A live cluster's client configuration; undefined while it has never connected. */
  kubeConfigFor(id: string): KubeConfig | undefined;
  /** A workspace's namespaces, by workspace id or name. */
  workspaceNamespaces?(workspace: string): Array<{ cluster: string; namespace: string }>;
  emit?<N extends EventName>(name: N, payload: EventPayload<N>): void;
  registry?: SourceRegistryPort;
}

export interface ManifestsArea {
  handlers: ManifestsHandlers;
  imports: ManifestImports;
}

export function createManifestsArea(ctx: ManifestsAreaContext): ManifestsArea {
  const imports = createManifestImports(ctx.store);

  /**
   * An import's objects as written in its files; after a restart (the registry remembers the source,
   * the cache keeps its rows) they come from the cache, which lacks ConfigMap and Secret data.
   */
  const importOf = (source: string): { objects: StoredObject[] } => {
    const known = ctx.registry ? ctx.registry.get(source) : imports.get(source)?.view;
    if (!known || !source.startsWith('manifests:')) {
      throw new AppError('NOT_FOUND', `${source} is not an open import`);
    }
    const inMemory = imports.get(source);
    if (inMemory) return inMemory;
    const objects = [...ctx.store.iterate({ source })];
    const lacking = objects.find((o) => o.group === '' && (o.kind === 'ConfigMap' || o.kind === 'Secret'));
    if (lacking) {
      throw new AppError(
        'UNAVAILABLE',
        `${known.label} was imported before Flotilla restarted and the cache keeps no ConfigMap or Secret data (${lacking.kind} ${lacking.name}): import the files again`,
      );
    }
    return { objects };
  };
  const handlers: ManifestsHandlers = {
    async 'manifests.import'({ files, paths, label }) {
      if (!files?.length && !paths?.length) {
        throw new AppError('INVALID_ARGUMENT', 'nothing to import: give files or paths');
      }
      const res = await imports.import({ files, paths, label });
      const view = res.source;
      ctx.log.info(
        `imported ${view.objects} objects as ${view.id} (${view.label}); ${res.issues.length} issues`,
      );
      ctx.registry?.registerSource(view);
      const changes = new Map<string, number>();
      for (const row of res.inventory) changes.set(row.kind, (changes.get(row.kind) ?? 0) + row.count);
      ctx.emit?.('objects.changed', {
        source: view.id,
        changes: [...changes].map(([kind, count]) => ({ cluster: view.label, kind, count })),
      });
      if (!ctx.registry) ctx.emit?.('sources.changed', { sources: [view.id] });
      return { source: view, inventory: res.inventory, issues: res.issues };
    },

    async 'manifests.apply'({ source, cluster, dryRunOnly }) {
      const found = importOf(source);
      const kc = ctx.kubeConfigFor(cluster);
      if (!kc) throw new AppError('UNAVAILABLE', `cluster ${cluster} is not connected`);
      const items = found.objects.map((o) => ({
        group: o.group,
        version: o.version,
        kind: o.kind,
        namespace: o.namespace,
        name: o.name,
        object: o.object,
      }));
      const prepared = prepareForApply(items);
      const run = await runManifestApply(clusterApplyClient(kc), prepared.items, { dryRunOnly });
      run.results.push(...prepared.skipped);
      const failed = run.results.filter((r) => r.outcome === 'failed').length;
      ctx.log.info(
        `${run.dryRun ? 'dry run of' : 'applied'} ${source} on ${cluster}: ${run.results.length} objects, ${failed} failed`,
      );
      return run;
    },

    async 'export.yaml'(input) {
      // a cluster that did not answer one object within the call deadline is not asked again:
      // the export fails naming it, before the renderer gives up on the call
      const silent = new Map<string, Error>();
      const gathered = await gatherExport(input, {
        store: ctx.registry?.storeFor(input.source) ?? ctx.store,
        imports: { get: (id) => (ctx.registry && !ctx.registry.get(id) ? undefined : importOf(id)) },
        workspaceNamespaces: ctx.workspaceNamespaces,
        liveBody: async (cluster, ref) => {
          const kc = ctx.kubeConfigFor(cluster);
          if (!kc) throw new Error(`cluster ${cluster} is not connected`);
          const earlier = silent.get(cluster);
          if (earlier) throw earlier;
          const what = `GET ${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
          try {
            return await withDeadline(clusterLabel(kc), CALL_DEADLINE_MS, what, (d) =>
              kubeObjects(kc, d).get(ref),
            );
          } catch (error) {
            if (error instanceof ClusterDeadlineError) silent.set(cluster, error);
            throw error;
          }
        },
      }).catch((e: unknown) => {
        if (e instanceof GatherError) throw new AppError('NOT_FOUND', e.message);
        throw e;
      });
      const { items, problems } = gathered;
      for (const p of problems) ctx.log.warn(`export: ${p}`);
      if (problems.length) {
        throw new AppError('UNAVAILABLE', `export incomplete: ${problems.slice(0, 3).join('; ')}`);
      }
      try {
        const out = await exportObjects(items satisfies ExportItem[], {
          layout: input.layout,
          path: input.path,
        });
        return { files: out.files, objects: out.objects, written: out.written };
      } catch (e) {
        if (e instanceof ExportWriteError) throw new AppError('INVALID_ARGUMENT', e.message);
        throw e;
      }
    },
  };
  return { handlers, imports };
}

/** A workspace's (cluster, namespace) pairs, by workspace id or name, from the workspace tables. */
export function workspaceNamespacesFrom(
  db: Db,
): (workspace: string) => Array<{ cluster: string; namespace: string }> {
  const ws = createWorkspaceStore(db);
  return (workspace) => {
    const id = ws.workspace(workspace)?.id ?? ws.workspaces().find((w) => w.name === workspace)?.id;
    if (!id) throw new AppError('NOT_FOUND', `no workspace named ${workspace}`);
    return ws.memberships(id).map((m) => ({ cluster: m.cluster, namespace: m.namespace }));
  };
}
