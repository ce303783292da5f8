import { useCallback, useEffect, useRef, useState } from 'react';
import type { NodeList } from '../../../shared/contract/nodes';
import { call, messageOf, useEvent } from '../../lib/call';
import { useSource } from '../../stores/source-store';

const RELEVANT = new Set(['Node', 'Pod', '*']);
/** Object notices come up to ~4 a second; the node figures are refetched at most this often. */
const MIN_GAP_MS = 1500;
/** Usage (metrics.k8s.io) changes without object notices: refresh on this period. */
const USAGE_PERIOD_MS = 15_000;

export interface NodesState {
  list: NodeList | null;
  error: string | null;
  reload(): void;
}

/**
 * Nodes of some clusters (all when `clusters` is undefined) of the current data source, kept fresh from
 * change notices (a snapshot does not change: it is read once).
 */
export function useNodes(clusters: string[] | undefined, names?: string[]): NodesState {
  const source = useSource();
  const key = JSON.stringify([clusters ?? null, names ?? null, source]);
  const [state, setState] = useState<{ key: string; list: NodeList | null; error: string | null }>({
    key,
    list: null,
    error: null,
  });
  const last = useRef(0);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback(() => {
    const [c, n, s] = JSON.parse(key) as [string[] | null, string[] | null, string];
    const mine = ++seq.current;
    last.current = Date.now();
    call('nodes.list', { clusters: c ?? undefined, names: n ?? undefined, source: s }).then(
      (value) => {
        if (mine === seq.current) setState({ key, list: value, error: null });
      },
      (e: unknown) => {
        if (mine === seq.current) setState((s) => ({ ...s, key, error: messageOf(e) }));
      },
    );
  }, [key]);

  /** Refetches soon, at most once per MIN_GAP_MS; only the latest answer is kept. */
  const schedule = useCallback(() => {
    if (timer.current) return;
    const wait = Math.max(0, MIN_GAP_MS - (Date.now() - last.current));
    timer.current = setTimeout(() => {
      timer.current = undefined;
      load();
    }, wait);
  }, [load]);

  useEffect(() => {
    load();
    const live = (JSON.parse(key) as unknown[])[2] === 'live';
    const usage = live ? setInterval(schedule, USAGE_PERIOD_MS) : undefined;
    return () => {
      clearInterval(usage);
      clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [load, schedule, key]);

  useEvent('objects.changed', (p) => {
    if (p.source !== source) return;
    const wanted = clusters ? new Set(clusters) : undefined;
    if (p.changes.some((c) => RELEVANT.has(c.kind) && (!wanted || wanted.has(c.cluster)))) schedule();
  });
  useEvent('clusters.changed', schedule);

  const current = state.key === key;
  return { list: current ? state.list : null, error: current ? state.error : null, reload: load };
}
