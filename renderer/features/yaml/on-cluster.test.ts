import { describe, expect, it } from 'vitest';
import { onCluster } from './on-cluster';

describe('onCluster', () => {
  it.each([
    [
      'HTTP 500 InternalError: discovery of /apis/apps/v1: boom',
      'sim-02: HTTP 500 InternalError: discovery of /apis/apps/v1: boom',
    ],
    [
      'sim-02 did not answer within 10 s (GET /apis/apps/v1)',
      'sim-02 did not answer within 10 s (GET /apis/apps/v1)',
    ],
    ['sim-02: already named', 'sim-02: already named'],
    ['sim-020 did not answer', 'sim-02: sim-020 did not answer'],
  ])('%s', (message, shown) => {
    expect(onCluster('sim-02', message)).toBe(shown);
  });
});
