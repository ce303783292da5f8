import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/contract';
import { bridgeItem, healthItem, sourceItem } from './status-text';

const status = (partial: Partial<AppStatus>): AppStatus => ({
  dataSource: 'none',
  sourceLabel: 'No clusters attached',
  health: 'none',
  clustersReady: 0,
  clustersTotal: 0,
  ...partial,
});

describe('status bar text', () => {
  it('says loading until main has answered', () => {
    expect(sourceItem(null)).toMatchObject({ text: 'Loading…', tone: 'idle' });
    expect(healthItem(null)).toBeNull();
  });

  it('says when the views show a snapshot or imported manifests, with the live fleet in the title', () => {
    const live = status({ dataSource: 'live', sourceLabel: '3 clusters' });
    expect(sourceItem(live, 'snapshot')).toEqual({
      id: 'source',
      text: 'Showing a snapshot (read-only)',
      tone: 'warn',
      title: 'Data source: a snapshot, read-only. The live fleet: 3 clusters.',
    });
    expect(sourceItem(null, 'manifests')).toMatchObject({ text: 'Showing imported manifests (read-only)' });
    expect(sourceItem(live, 'live')).toMatchObject({ text: 'Live: 3 clusters', tone: 'ok' });
  });

  it('shows the label alone when there is no data source', () => {
    expect(sourceItem(status({}))).toMatchObject({ text: 'No clusters attached', tone: 'idle' });
    expect(healthItem(status({}))).toBeNull();
  });

  it.each([
    ['live', '3 clusters', 'Live: 3 clusters'],
    ['snapshot', 'tkg-01, 2 Dec', 'Snapshot: tkg-01, 2 Dec'],
    ['manifests', 'shop/', 'Manifests: shop/'],
  ] as const)('names the %s source', (dataSource, sourceLabel, text) => {
    expect(sourceItem(status({ dataSource, sourceLabel }))).toMatchObject({ text, tone: 'ok' });
  });

  it.each([
    ['ok', 3, 3, '3/3 clusters ready', 'ok'],
    ['degraded', 2, 3, '2/3 clusters ready', 'warn'],
    ['down', 0, 3, 'Clusters unreachable', 'error'],
  ] as const)('health %s', (health, clustersReady, clustersTotal, text, tone) => {
    expect(healthItem(status({ dataSource: 'live', health, clustersReady, clustersTotal }))).toMatchObject({
      text,
      tone,
    });
  });

  it('tells a dropped connection from one never made', () => {
    expect(bridgeItem('connected', true).text).toBe('Connected');
    expect(bridgeItem('connecting', false).text).toBe('Connecting…');
    expect(bridgeItem('reconnecting', true)).toMatchObject({
      text: 'Disconnected — reconnecting…',
      tone: 'error',
    });
    expect(bridgeItem('reconnecting', false).text).toBe('Cannot reach Flotilla — retrying…');
    expect(bridgeItem('closed', true).tone).toBe('error');
  });
});
