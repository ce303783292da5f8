import type { z } from 'zod';
import type { KubeConfig } from '@kubernetes/client-node';
import type { workspaceCalls } from '../../../shared/contract/workspaces';
import type { ObjectPage, ObjectPageQuery, ObjectSummary } from '../../../shared/objects/page';
import type { EventBus } from '../../ipc/events';
import type { Logger } from '../../services/log';
import { createWorkspaces, type Workspaces } from '../../services/workspaces/service';
import type { Db } from '../../store/db';
import { createFleetStore } from '../../store/fleet';
import { createWorkspaceStore } from '../../store/workspaces';

type WorkspaceCalls = typeof workspaceCalls;
export type WorkspaceHandlers = {
  [N in keyof WorkspaceCalls]: (
    input: z.output<WorkspaceCalls[N]['input']>,
  ) => Promise<z.output<WorkspaceCalls[N]['output']>> | z.output<WorkspaceCalls[N]['output']>;
};

export interface WorkspacesAreaContext {
  db: Db;
  log: Logger;
  events: Pick<EventBus, 'emit'>;
  /** Credentials of an attached cluster (the fleet area's). */
  kubeConfigFor(clusterId: string): KubeConfig;
  /** The live object cache. */
  objects: { page(query: ObjectPageQuery): ObjectPage };
}

export interface WorkspacesArea {
  handlers: WorkspaceHandlers;
  service: Workspaces;
}

/** Every Namespace the live cache holds, read page by page (namespaces number thousands at most). */
function allNamespaces(objects: WorkspacesAreaContext['objects']): ObjectSummary[] {
  const out: ObjectSummary[] = [];
  let after: string | undefined;
  for (;;) {
    const page = objects.page({ source: 'live', kinds: ['Namespace'], sort: 'name', limit: 1000, after });
    out.push(...page.items);
    if (!page.next || page.items.length === 0) return out;
    after = page.next;
  }
}

/** The workspaces area: workspaces CRUD and the fleet's namespaces (list, create on a cluster, attach). */
export function createWorkspacesArea(ctx: WorkspacesAreaContext): WorkspacesArea {
  const fleet = createFleetStore(ctx.db);
  let timer: NodeJS.Timeout | undefined;
  const pending = new Set<string>();
  const service = createWorkspaces({
    store: createWorkspaceStore(ctx.db),
    log: ctx.log,
    clusters: () => fleet.clusters().map((c) => ({ id: c.id, name: c.name })),
    namespaces: () => allNamespaces(ctx.objects),
    kubeConfigFor: ctx.kubeConfigFor,
    changed: (ids) => {
      for (const id of ids) pending.add(id);
      timer ??= setTimeout(() => {
        timer = undefined;
        const list = [...pending];
        pending.clear();
        ctx.events.emit('workspaces.changed', { ids: list });
      }, 100);
    },
  });
  const handlers: WorkspaceHandlers = {
    'workspaces.list': () => service.list(),
    'workspaces.get': ({ id }) => service.get(id),
    'workspaces.create': (input) => service.create(input),
    'workspaces.update': (input) => service.update(input),
    'workspaces.delete': ({ id, moveNamespacesToDefault }) => service.delete(id, moveNamespacesToDefault),
    'namespaces.list': (q) => service.namespaces(q),
    'namespaces.create': (input) => service.createNamespace(input),
    'namespaces.attach': ({ workspaceId, namespaces }) => service.attach(workspaceId, namespaces),
    'namespaces.release': ({ namespaces }) => service.release(namespaces),
  };
  return { handlers, service };
}
