import { randomUUID } from 'node:crypto';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { AppError } from '../../../shared/contract/result';
import {
  namespaceNameProblem,
  type NamespacePage,
  type NamespaceQuery,
  type NamespaceRef,
  type NamespaceRow,
  type WorkspaceRow,
} from '../../../shared/contract/workspaces';
import { labelsProblem } from '../fleet/service';
import { nameProblem } from '../fleet/names';
import type { Logger } from '../log';
import type { WorkspaceRecord, WorkspaceStore } from '../../store/workspaces';
import { namespaceCreateError } from './cluster-errors';
import { CALL_DEADLINE_MS, withDeadline } from '../../kube/deadline';
import { joinContext, namespacePage, namespaceRow, type ObjectSummary } from './rows';

export interface WorkspacesDeps {
  store: WorkspaceStore;
  log: Logger;
  /** Attached clusters (id and display name). */
  clusters(): Array<{ id: string; name: string }>;
  /** Every Namespace object in the live cache. */
  namespaces(): ObjectSummary[];
  kubeConfigFor(clusterId: string): KubeConfig;
  changed(ids: string[]): void;
  now?: () => Date;
}

/** The description annotation Flotilla writes on namespaces it creates. */
export const DESCRIPTION_ANNOTATION = 'flotilla.dev/description';

/** Workspaces CRUD, the fleet's namespaces with their workspace, creating and adopting namespaces. */
export function createWorkspaces(deps: WorkspacesDeps) {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const find = (id: string): WorkspaceRecord => {
    const w = store.workspace(id);
    if (!w) throw new AppError('NOT_FOUND', `No workspace with id ${id}.`);
    return w;
  };
  const checkName = (name: string, except?: string) => {
    const p = nameProblem(name, 'Workspace name');
    if (p) throw new AppError('INVALID_ARGUMENT', p);
    if (store.workspaces().some((w) => w.name === name && w.id !== except))
      throw new AppError('CONFLICT', `A workspace named "${name}" exists already.`);
  };
  const checkLabels = (labels: Record<string, string> | undefined) => {
    const p = labels ? labelsProblem(labels) : null;
    if (p) throw new AppError('INVALID_ARGUMENT', p);
  };
  const context = () => joinContext(deps.clusters(), store.workspaces(), store.memberships());
  const row = (w: WorkspaceRecord): WorkspaceRow => {
    const mine = store.memberships(w.id);
    return {
      ...w,
      namespaces: mine.length,
      clusters: new Set(mine.map((m) => m.cluster)).size,
    };
  };
  const cluster = (id: string) => {
    const c = deps.clusters().find((x) => x.id === id);
    if (!c) throw new AppError('NOT_FOUND', `No attached cluster with id ${id}.`);
    return c;
  };

  return {
    list: (): WorkspaceRow[] => store.workspaces().map(row),
    get(id: string): WorkspaceRow & { members: NamespaceRow[] } {
      const w = find(id);
      const j = context();
      const objects = new Map(deps.namespaces().map((o) => [`${o.cluster}\n${o.name}`, o]));
      const members = store
        .memberships(id)
        .map((m) => namespaceRow(j, m.cluster, m.namespace, objects.get(`${m.cluster}\n${m.namespace}`)))
        .sort((a, b) => a.name.localeCompare(b.name) || a.clusterName.localeCompare(b.clusterName));
      return { ...row(w), members };
    },
    create(input: { name: string; description: string; labels: Record<string, string> }): WorkspaceRow {
      checkName(input.name);
      checkLabels(input.labels);
      const w: WorkspaceRecord = { id: randomUUID(), ...input, createdAt: now().toISOString() };
      store.insert(w);
      deps.changed([w.id]);
      return row(w);
    },
    update(input: { id: string; name?: string; description?: string; labels?: Record<string, string> }) {
      const w = find(input.id);
      if (input.name !== undefined && input.name !== w.name) {
        if (w.id === 'default')
          throw new AppError('INVALID_ARGUMENT', 'The default workspace cannot be renamed.');
        checkName(input.name, w.id);
      }
      checkLabels(input.labels);
      store.update(w.id, input);
      deps.changed([w.id]);
      return row(find(w.id));
    },
    delete(id: string, moveToDefault: boolean): { moved: number } {
      const w = find(id);
      if (w.id === 'default')
        throw new AppError('INVALID_ARGUMENT', 'The default workspace cannot be deleted.');
      const count = store.memberships(id).length;
      if (count > 0 && !moveToDefault)
        throw new AppError(
          'CONFLICT',
          `Workspace "${w.name}" still has ${count} namespace${count > 1 ? 's' : ''}; move them to default or attach them elsewhere first.`,
        );
      const moved = store.delete(id, moveToDefault);
      deps.changed([id, 'default']);
      return { moved };
    },
    namespaces: (q: NamespaceQuery): NamespacePage => namespacePage(context(), deps.namespaces(), q),
    attach(workspaceId: string, refs: NamespaceRef[]): { attached: number } {
      find(workspaceId);
      for (const r of refs) cluster(r.cluster);
      const attached = store.attach(workspaceId, refs, now().toISOString());
      deps.changed([workspaceId]);
      return { attached };
    },
    release(refs: NamespaceRef[]): { released: number } {
      const released = store.release(refs);
      deps.changed([]);
      return { released };
    },
    /** Creates the namespace on the cluster (labels, description annotation), then records its workspace. */
    async createNamespace(input: {
      clusterId: string;
      workspaceId: string;
      name: string;
      description: string;
      labels: Record<string, string>;
    }): Promise<NamespaceRow> {
      const problem = namespaceNameProblem(input.name);
      if (problem) throw new AppError('INVALID_ARGUMENT', problem);
      checkLabels(input.labels);
      const ws = find(input.workspaceId);
      const c = cluster(input.clusterId);
      const api = deps.kubeConfigFor(c.id).makeApiClient(CoreV1Api);
      let created;
      try {
        // under the renderer's call deadline: a silent cluster is named, not Flotilla
        created = await withDeadline(c.name, CALL_DEADLINE_MS, `POST namespace ${input.name}`, () =>
          api.createNamespace({
            body: {
              apiVersion: 'v1',
              kind: 'Namespace',
              metadata: {
                name: input.name,
                labels: input.labels,
                ...(input.description
                  ? { annotations: { [DESCRIPTION_ANNOTATION]: input.description } }
                  : {}),
              },
            },
          }),
        );
      } catch (error) {
        const e = namespaceCreateError(error, input.name, c.name);
        deps.log.warn(`namespace create on ${c.name} failed: ${e.message}`);
        throw e;
      }
      store.attach(ws.id, [{ cluster: c.id, name: input.name }], now().toISOString());
      deps.changed([ws.id]);
      deps.log.info(`created namespace ${input.name} on ${c.name} in workspace ${ws.name}`);
      return namespaceRow(context(), c.id, input.name, {
        labels: created.metadata?.labels ?? input.labels,
        status: created.status?.phase ?? null,
        created: created.metadata?.creationTimestamp
          ? new Date(created.metadata.creationTimestamp).toISOString()
          : '',
      });
    },
  };
}
export type Workspaces = ReturnType<typeof createWorkspaces>;
