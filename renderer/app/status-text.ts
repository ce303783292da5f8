import type { AppStatus } from '../../shared/contract';
import type { BridgeState } from '../lib/connection';

/** One item of the status bar: what it says, its tone (a coloured dot) and a longer explanation. */
export interface StatusItem {
  id: 'source' | 'health' | 'bridge';
  text: string;
  tone: 'ok' | 'warn' | 'error' | 'idle';
  title: string;
}

const sourceNames: Record<AppStatus['dataSource'], string> = {
  none: 'No data source',
  live: 'Live',
  snapshot: 'Snapshot',
  manifests: 'Manifests',
};

/**
 * The data source item. `shown` is the source the views read (renderer/stores/source-store.ts): over a
 * snapshot or imported manifests it says so, whatever main's live fleet is doing.
 */
export function sourceItem(
  status: AppStatus | null,
  shown: 'live' | 'snapshot' | 'manifests' = 'live',
): StatusItem {
  if (shown !== 'live') {
    const what = shown === 'snapshot' ? 'a snapshot' : 'imported manifests';
    const live = status ? ` The live fleet: ${status.sourceLabel}.` : '';
    return {
      id: 'source',
      text: `Showing ${what} (read-only)`,
      tone: 'warn',
      title: `Data source: ${what}, read-only.${live}`,
    };
  }
  if (!status)
    return { id: 'source', text: 'Loading…', tone: 'idle', title: 'Asking Flotilla for its data source' };
  const kind = sourceNames[status.dataSource];
  const text = status.dataSource === 'none' ? status.sourceLabel : `${kind}: ${status.sourceLabel}`;
  return {
    id: 'source',
    text,
    tone: status.dataSource === 'none' ? 'idle' : 'ok',
    title: `Data source: ${kind}`,
  };
}

export function healthItem(status: AppStatus | null): StatusItem | null {
  if (!status || status.health === 'none') return null;
  const counts = `${status.clustersReady}/${status.clustersTotal} clusters ready`;
  switch (status.health) {
    case 'ok':
      return { id: 'health', text: counts, tone: 'ok', title: 'Every cluster answers' };
    case 'degraded':
      return { id: 'health', text: counts, tone: 'warn', title: 'Some clusters do not answer' };
    case 'down':
      return { id: 'health', text: 'Clusters unreachable', tone: 'error', title: counts };
  }
}

export function bridgeItem(bridge: BridgeState, everConnected: boolean): StatusItem {
  switch (bridge) {
    case 'connected':
      return { id: 'bridge', text: 'Connected', tone: 'ok', title: 'Connected to Flotilla' };
    case 'connecting':
      return { id: 'bridge', text: 'Connecting…', tone: 'idle', title: 'Connecting to Flotilla' };
    case 'reconnecting':
      return everConnected
        ? {
            id: 'bridge',
            text: 'Disconnected — reconnecting…',
            tone: 'error',
            title:
              'The connection to Flotilla dropped; retrying with back-off. Is the Flotilla process still running?',
          }
        : {
            id: 'bridge',
            text: 'Cannot reach Flotilla — retrying…',
            tone: 'error',
            title: 'Is the Flotilla process running, and was this page opened from the URL it printed?',
          };
    case 'closed':
      return {
        id: 'bridge',
        text: 'Disconnected',
        tone: 'error',
        title: 'The connection to Flotilla is closed',
      };
  }
}
