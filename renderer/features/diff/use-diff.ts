import { useEffect, useState } from 'react';
import type { DiffResult } from '../../../shared/contract/sources';
import { call, messageOf } from '../../lib/call';

export interface DiffQueryState {
  result: DiffResult | null;
  error: string | null;
  loading: boolean;
}

/** 'snapshots.diff' of two sources (none when either is missing or both are the same); latest answer wins. */
export function useDiff(
  a: string,
  b: string,
  showNoise: boolean,
  scope: { clusters?: string[]; kinds?: string[]; namespaces?: string[] } = {},
  /** Bump to ask again (the live side moves on). */
  generation = 0,
): DiffQueryState {
  const key = JSON.stringify([a, b, showNoise, scope, generation]);
  // The answer and the query it answers: while a newer query runs, the older answer stays on screen.
  const [state, setState] = useState<{ key: string; result: DiffResult | null; error: string | null }>({
    key: '',
    result: null,
    error: null,
  });
  useEffect(() => {
    const [qa, qb, noise, s] = JSON.parse(key) as [string, string, boolean, typeof scope];
    if (!qa || !qb || qa === qb) return;
    let current = true;
    call('snapshots.diff', { a: qa, b: qb, showNoise: noise, ...s }).then(
      (result) => current && setState({ key, result, error: null }),
      (e: unknown) => current && setState({ key, result: null, error: messageOf(e) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  if (!a || !b || a === b) return { result: null, error: null, loading: false };
  return { result: state.result, error: state.key === key ? state.error : null, loading: state.key !== key };
}
