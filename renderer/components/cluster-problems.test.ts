import { describe, expect, it } from 'vitest';
import { lastKnownCell, lastKnownNote, problemItem } from './cluster-problems';

const row = (
  name: string,
  status: 'ready' | 'degraded' | 'unreachable' | 'unauthorized' | 'connecting' | 'snapshot',
  msg = 'Connected',
) => ({
  id: `id-${name}`,
  name,
  status,
  statusMessage: msg,
});

describe('problemItem', () => {
  it('says nothing when every cluster is ready', () => {
    expect(problemItem([row('a', 'ready'), row('b', 'ready')])).toBeNull();
    expect(problemItem([])).toBeNull();
  });

  it('names one failing cluster, why it fails, and links to its overview', () => {
    const item = problemItem([
      row('a', 'ready'),
      row('prod-eu', 'unreachable', '10.0.0.1:6443 refused the connection'),
    ]);
    expect(item).toEqual({
      text: 'prod-eu unreachable',
      title: 'prod-eu: unreachable — 10.0.0.1:6443 refused the connection',
      tone: 'error',
      href: '#/clusters/id-prod-eu',
    });
  });

  it('names the first two and counts the rest, every one in the title', () => {
    const item = problemItem(
      [
        row('a', 'degraded', 'HTTP 500'),
        row('b', 'unauthorized', '401'),
        row('c', 'unreachable', 'did not answer within 8 s'),
      ],
      5,
    )!;
    expect(item.text).toBe('a degraded, b credentials rejected +3 more');
    expect(item.title.split('\n')).toEqual([
      'a: degraded — HTTP 500',
      'b: credentials rejected — 401',
      'c: unreachable — did not answer within 8 s',
    ]);
    expect(item.href).toBe('#/clusters');
  });

  it('a degraded cluster alone is a warning, not an error', () => {
    expect(problemItem([row('a', 'degraded', 'HTTP 429')])!.tone).toBe('warn');
  });
});

describe('lastKnownCell', () => {
  it.each([
    ['ready', null],
    ['snapshot', null],
    ['unreachable', 'sim-08 · last known'],
    ['degraded', 'sim-08 · last known'],
    ['unauthorized', 'sim-08 · last known'],
    ['connecting', 'sim-08 · last known'],
  ] as const)('a %s cluster: %s', (status, text) => {
    expect(lastKnownCell(row('sim-08', status, 'why'))?.text ?? null).toBe(text);
  });

  it('says in its title what state the cluster is in and why', () => {
    expect(lastKnownCell(row('sim-08', 'unauthorized', 'HTTP 401'))!.title).toBe(
      'sim-08: credentials rejected — HTTP 401\nIts rows are as it last reported them.',
    );
  });
});

describe('lastKnownNote', () => {
  it('says nothing when every cluster is ready or captured', () => {
    expect(lastKnownNote([row('a', 'ready'), row('b', 'snapshot')])).toBeNull();
    expect(lastKnownNote([])).toBeNull();
  });

  it('names one failing cluster and its state', () => {
    expect(lastKnownNote([row('a', 'ready'), row('sim-08', 'unreachable', 'refused')])).toBe(
      'sim-08 is not ready (unreachable): its rows below are as it last reported them.',
    );
  });

  it('names several, then counts the rest', () => {
    const bad = [row('a', 'degraded'), row('b', 'ready'), row('c', 'unauthorized')];
    expect(lastKnownNote(bad)).toBe(
      'a (degraded) and c (credentials rejected) are not ready: their rows below are as they last reported them.',
    );
    const five = ['a', 'b', 'c', 'd', 'e'].map((n) => row(n, 'unreachable'));
    expect(lastKnownNote(five)).toBe(
      'a (unreachable), b (unreachable), c (unreachable) and 2 more are not ready: their rows below are as they last reported them.',
    );
  });
});
