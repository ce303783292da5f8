import { describe, expect, it } from 'vitest';
import { hrefFor, parseHash } from './router';

describe('parseHash', () => {
  it.each([
    ['', { kind: 'section', section: 'clusters', path: [] }],
    ['#', { kind: 'section', section: 'clusters', path: [] }],
    ['#/', { kind: 'section', section: 'clusters', path: [] }],
    ['#/settings', { kind: 'section', section: 'settings', path: [] }],
    ['#/cluster-groups', { kind: 'section', section: 'cluster-groups', path: [] }],
    ['#/clusters/tkg-01/nodes', { kind: 'section', section: 'clusters', path: ['tkg-01', 'nodes'] }],
    ['#clusters', { kind: 'section', section: 'clusters', path: [] }],
    ['#/workloads//a%2Fb/', { kind: 'section', section: 'workloads', path: ['a/b'] }],
    ['#/mesh/%E0%A4%A', { kind: 'section', section: 'mesh', path: ['%E0%A4%A'] }],
    ['#/nowhere', { kind: 'not-found', hash: '#/nowhere' }],
    ['#/Clusters', { kind: 'not-found', hash: '#/Clusters' }],
  ])('%s', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });
});

describe('hrefFor', () => {
  it('builds hashes parseHash reads back', () => {
    expect(hrefFor('namespaces')).toBe('#/namespaces');
    const href = hrefFor('clusters', 'prod/eu', 'a b');
    expect(href).toBe('#/clusters/prod%2Feu/a%20b');
    expect(parseHash(href)).toEqual({ kind: 'section', section: 'clusters', path: ['prod/eu', 'a b'] });
  });
});
