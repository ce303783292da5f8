import { describe, expect, it } from 'vitest';
import { withClusterIds } from './cluster-names';

describe('withClusterIds', () => {
  const names = new Map([
    ['3f2a-id', 'tkg-01'],
    ['77b1-id', 'Edge-East'],
  ]);
  it.each([
    ['cluster:tkg-01 pods', 'cluster:3f2a-id pods'],
    ['deploy cluster:edge-east', 'deploy cluster:77b1-id'],
    ['CLUSTER:TKG-01', 'cluster:3f2a-id'],
    ['cluster:3f2a-id', 'cluster:3f2a-id'],
    ['cluster:nowhere', 'cluster:nowhere'],
    ['cluster: tkg-01', 'cluster: tkg-01'],
    ['ns:tkg-01 app=tkg-01', 'ns:tkg-01 app=tkg-01'],
  ])('%s → %s', (text, sent) => {
    expect(withClusterIds(text, names)).toBe(sent);
  });
});
