import { describe, expect, it } from 'vitest';
import { problemItem } from './cluster-problems';

const row = (
  name: string,
  status: 'ready' | 'degraded' | 'unreachable' | 'unauthorized',
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
