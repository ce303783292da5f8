import { describe, expect, it } from 'vitest';
import { parseHash } from '../../app/router';
import { parseYamlRoute, yamlHighlight, yamlRoute, type YamlRef } from './route';

const cases: [string, YamlRef, string][] = [
  [
    'a namespaced apps/v1 deployment',
    {
      cluster: 'tkg-01',
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'frontend',
    },
    '#/workloads/yaml/tkg-01/apps~v1/Deployment/shop/frontend',
  ],
  [
    'a core cluster-scoped node',
    { cluster: 'c', group: '', version: 'v1', kind: 'Node', namespace: '', name: 'node-1' },
    '#/workloads/yaml/c/v1/Node/_/node-1',
  ],
  [
    'a CRD with dots and odd characters in names',
    {
      cluster: 'a b',
      group: 'cert-manager.io',
      version: 'v1',
      kind: 'Certificate',
      namespace: 'n',
      name: 'x/y',
    },
    '#/workloads/yaml/a%20b/cert-manager.io~v1/Certificate/n/x%2Fy',
  ],
];

describe('yamlRoute', () => {
  it.each(cases)('%s', (_, ref, hash) => {
    expect(yamlRoute(ref)).toBe(hash);
    const route = parseHash(hash);
    expect(route.kind === 'section' && route.section).toBe('workloads');
    expect(route.kind === 'section' && parseYamlRoute(route.path)).toEqual(ref);
  });

  it('refuses paths that are not a complete YAML route', () => {
    expect(parseYamlRoute([])).toBeUndefined();
    expect(parseYamlRoute(['yaml', 'c', 'v1', 'Pod', 'ns'])).toBeUndefined();
    expect(parseYamlRoute(['pods', 'c', 'v1', 'Pod', 'ns', 'p'])).toBeUndefined();
    expect(parseYamlRoute(['yaml', 'c', 'apps~', 'Deployment', 'ns', 'p'])).toBeUndefined();
  });

  it.each(cases)('%s, with a field to highlight', (_, ref) => {
    const field = 'metadata.annotations.container.apparmor.security.beta.kubernetes.io/app';
    const route = parseHash(yamlRoute(ref, field));
    if (route.kind !== 'section') throw new Error('not a section');
    expect(parseYamlRoute(route.path)).toEqual(ref);
    expect(yamlHighlight(route.path)).toBe(field);
    expect(yamlHighlight(['yaml', 'c', 'v1', 'Pod', 'ns', 'p'])).toBeUndefined();
  });
});
