import { useCallback, useEffect, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { CallOutput } from '../../../shared/contract';
import { call, messageOf, useEvent } from '../../lib/call';
import type { ListState } from './list-store';
import { workspaceScopes } from './query';

type Workspace = CallOutput<'workspaces.list'>[number];

/**
 * The workspaces for the Workloads filter, and the chosen one resolved to its namespaces across
 * clusters (workspaces.get members → the list's scopes). Membership changes re-resolve it.
 */
export function useWorkspaceFilter(store: StoreApi<ListState>): {
  workspaces: Workspace[];
  pick(id: string): void;
} {
  const [workspaces, setWorkspaces] = useState<Workspace[]>([]);
  const load = useCallback(() => {
    call('workspaces.list', {}).then(setWorkspaces, () => undefined);
  }, []);
  const resolve = useCallback(
    (id: string) => {
      if (!id) return;
      call('workspaces.get', { id }).then(
        (w) => {
          if (store.getState().filter.workspace === id)
            store.getState().setFilter({ scopes: workspaceScopes(w.members) });
        },
        (e: unknown) => store.setState({ error: `Workspace: ${messageOf(e)}`, loaded: true }),
      );
    },
    [store],
  );
  useEffect(load, [load]);
  useEffect(() => resolve(store.getState().filter.workspace), [resolve, store]);
  useEvent('workspaces.changed', () => {
    load();
    resolve(store.getState().filter.workspace);
  });
  const pick = (id: string) => {
    store.getState().setFilter({ workspace: id, scopes: null, namespace: '' });
    resolve(id);
  };
  return { workspaces, pick };
}
