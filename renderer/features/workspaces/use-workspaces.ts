import { useCallback, useEffect, useState } from 'react';
import type { WorkspaceRow } from '../../../shared/contract/workspaces';
import { call, messageOf, useEvent } from '../../lib/call';

/** The workspaces, kept fresh by workspaces.changed and clusters.changed (detach drops namespaces). */
export function useWorkspaces(): { workspaces: WorkspaceRow[]; loaded: boolean; error: string | null } {
  const [workspaces, setWorkspaces] = useState<WorkspaceRow[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('workspaces.list', {}).then(
      (w) => {
        setWorkspaces(w);
        setLoaded(true);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);
  useEffect(reload, [reload]);
  useEvent('workspaces.changed', reload);
  useEvent('clusters.changed', reload);
  return { workspaces, loaded, error };
}
