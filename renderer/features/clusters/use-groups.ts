import { useCallback, useEffect, useState } from 'react';
import type { GroupRow } from '../../../shared/contract/fleet';
import { call, messageOf, useEvent } from '../../lib/call';

/** The cluster groups, kept fresh by groups.changed and clusters.changed. */
export function useGroups(): { groups: GroupRow[]; error: string | null; reload(): void } {
  const [groups, setGroups] = useState<GroupRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('groups.list', {}).then(
      (g) => {
        setGroups(g);
        setError(null);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);
  useEffect(reload, [reload]);
  useEvent('groups.changed', reload);
  useEvent('clusters.changed', reload);
  return { groups, error, reload };
}
