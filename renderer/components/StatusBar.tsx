import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/contract';
import { bridgeItem, healthItem, sourceItem, type StatusItem } from '../app/status-text';
import { call, useEvent } from '../lib/call';
import { useAppStore } from '../stores/app-store';
import { useConnectionStore } from '../stores/connection-store';
import { sourceKind, useSource } from '../stores/source-store';
import { PROBLEM_STATES, problemItem, type ProblemItem } from './cluster-problems';

function Item({ item, stale = false }: { item: StatusItem; stale?: boolean }) {
  return (
    <span
      className={stale ? 'status-item stale' : 'status-item'}
      data-testid={`status-${item.id}`}
      data-tone={item.tone}
      title={stale ? `${item.title} (last known: Flotilla is not connected)` : item.title}
    >
      <span className="status-dot" aria-hidden="true" />
      {item.text}
    </span>
  );
}

/** The live clusters that are not ready, asked again whenever the fleet's health or a cluster changes. */
function useProblems(status: AppStatus | null): ProblemItem | null {
  const [problems, setProblems] = useState<ProblemItem | null>(null);
  const unhealthy = status !== null && (status.health === 'degraded' || status.health === 'down');
  const load = useCallback(() => {
    if (!unhealthy) return;
    call('clusters.list', { status: PROBLEM_STATES, sort: 'name', limit: 20 }).then(
      (page) => setProblems(problemItem(page.items, page.total)),
      () => setProblems(null),
    );
  }, [unhealthy]);
  useEffect(load, [load, status]);
  useEvent('clusters.changed', load);
  return unhealthy ? problems : null;
}

/** Data source, cluster health and the link to main, always visible at the bottom. */
export function StatusBar() {
  const status = useAppStore((state) => state.status);
  const info = useAppStore((state) => state.info);
  const bridge = useConnectionStore((state) => state.bridge);
  const everConnected = useConnectionStore((state) => state.everConnected);
  const shown = sourceKind(useSource());
  const health = healthItem(status);
  const problems = useProblems(shown === 'live' ? status : null);
  const stale = bridge !== 'connected' && status !== null;
  return (
    <footer className="status-bar" role="status" aria-label="Status">
      <Item item={sourceItem(status, shown)} stale={stale} />
      {health ? <Item item={health} stale={stale} /> : null}
      {problems ? (
        <a
          className={stale ? 'status-item stale' : 'status-item'}
          data-testid="status-problems"
          data-tone={problems.tone}
          href={problems.href}
          title={problems.title}
        >
          <span className="status-dot" aria-hidden="true" />
          {problems.text}
        </a>
      ) : null}
      <span className="status-spacer" />
      <Item item={bridgeItem(bridge, everConnected)} />
      {info ? (
        <span className="status-item status-version">
          Flotilla {info.version} · {info.shell === 'web' ? 'browser' : 'desktop'}
        </span>
      ) : null}
    </footer>
  );
}
