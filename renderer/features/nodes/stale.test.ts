import { describe, expect, it } from 'vitest';
import { heatLabel, staleNote } from './stale';

const c = (
  status: 'ready' | 'unreachable' | 'unauthorized' | 'degraded' | 'snapshot',
  msg = 'Connected',
) => ({
  name: 'sim-08',
  groupName: 'default',
  status,
  statusMessage: msg,
});

describe('stale nodes', () => {
  it('says nothing for a ready cluster or a snapshot', () => {
    expect(staleNote(c('ready'))).toBeNull();
    expect(staleNote(c('snapshot'))).toBeNull();
    expect(heatLabel(c('ready'))).toBe('sim-08 (default)');
  });

  it('names the cluster, its state and why, and says the nodes are the last known ones', () => {
    expect(staleNote(c('unreachable', '127.0.0.1:43595 refused the connection.'))).toBe(
      'sim-08 is unreachable: 127.0.0.1:43595 refused the connection. The nodes below are as it last reported them.',
    );
    expect(staleNote(c('unauthorized', 'HTTP 401.'))).toMatch(
      /^sim-08 is refusing our credentials: HTTP 401\./,
    );
  });

  it('marks a heatmap group whose cells are last-known figures', () => {
    expect(heatLabel(c('unreachable'))).toBe('sim-08 (default) · unreachable, last known');
    expect(heatLabel(c('degraded'))).toBe('sim-08 (default) · degraded, last known');
  });
});
