import { describe, expect, it } from 'vitest';
import type { SourceView } from '../../../shared/contract/sources';
import { bannerText, clusterNames, formatTime, pickerOptions, timeAgo } from './source-text';

const cluster = (name: string) => ({
  name,
  group: 'default',
  provider: 'vsphere',
  version: 'v1.30.2',
  nodes: 3,
  objects: 40,
});
const view = (patch: Partial<SourceView>): SourceView => ({
  id: 'snapshot:abc',
  kind: 'snapshot',
  label: 'Snapshot of tkg-01',
  file: '/data/snapshots/fleet.flotilla',
  takenAt: '2026-12-04T21:05:00.000Z',
  clusters: [cluster('tkg-01')],
  kinds: ['Pod'],
  objects: 40,
  includes: { secretValues: false, events: true, metrics: false, logs: false },
  readOnly: true,
  ...patch,
});
const now = Date.parse('2026-12-04T23:05:00.000Z');

describe('source words', () => {
  it('formats times in UTC, whatever the zone', () => {
    expect(formatTime('2026-01-02T03:04:59Z')).toBe('2026-01-02 03:04 UTC');
    expect(formatTime(undefined)).toBe('at an unknown time');
    expect(formatTime('yesterday')).toBe('yesterday');
  });
  it('says how long ago', () => {
    expect(timeAgo('2026-12-04T23:04:30Z', now)).toBe('just now');
    expect(timeAgo('2026-12-04T22:35:00Z', now)).toBe('30 minutes ago');
    expect(timeAgo('2026-12-04T21:05:00Z', now)).toBe('2 hours ago');
    expect(timeAgo('2026-12-03T12:00:00Z', now)).toBe('35 hours ago');
    expect(timeAgo('2026-12-03T08:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('2026-11-24T23:05:00Z', now)).toBe('10 days ago');
    expect(timeAgo('2026-12-05T23:05:00Z', now)).toBe('');
    expect(timeAgo(undefined, now)).toBe('');
  });
  it('names clusters, shortening long lists', () => {
    expect(clusterNames([])).toBe('no clusters');
    expect(clusterNames(['a'])).toBe('a');
    expect(clusterNames(['a', 'b'])).toBe('a and b');
    expect(clusterNames(['a', 'b', 'c'])).toBe('a, b and c');
    expect(clusterNames(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
  });
  it('writes the banner of a snapshot and of imported manifests', () => {
    expect(bannerText(view({}), now)).toBe(
      'Snapshot of tkg-01, taken 2026-12-04 21:05 UTC (2 hours ago) — read-only',
    );
    expect(
      bannerText(
        view({ clusters: [cluster('tkg-01'), cluster('aks-prod-eastus')], takenAt: undefined }),
        now,
      ),
    ).toBe('Snapshot of tkg-01 and aks-prod-eastus, taken at an unknown time — read-only');
    expect(bannerText(view({ kind: 'manifests', label: 'online-boutique' }), now)).toBe(
      'Imported manifests: online-boutique, read 2026-12-04 21:05 UTC (2 hours ago) — read-only',
    );
  });
  it('lists live first in the picker, even when main leaves it out', () => {
    const live = view({ id: 'live', kind: 'live', label: 'Live', clusters: [], readOnly: false });
    const other = view({ id: 'snapshot:def', clusters: [cluster('a'), cluster('b'), cluster('c')] });
    expect(pickerOptions([view({}), live, other]).map((o) => [o.id, o.text])).toEqual([
      ['live', 'Live fleet'],
      ['snapshot:abc', 'Snapshot · 2026-12-04 21:05 UTC · tkg-01'],
      ['snapshot:def', 'Snapshot · 2026-12-04 21:05 UTC · 3 clusters'],
    ]);
    expect(pickerOptions([]).map((o) => o.id)).toEqual(['live']);
  });
});
