import { describe, expect, it } from 'vitest';
import { collectionPath, DEFAULT_KINDS, kindOfCrd } from './resources';

describe('resources', () => {
  it('lists secrets and configmaps as metadata only, and nothing else', () => {
    expect(DEFAULT_KINDS.filter((r) => r.metadataOnly).map((r) => r.kind)).toEqual(['ConfigMap', 'Secret']);
  });

  it.each([
    [{ group: '', version: 'v1', resource: 'pods' }, '/api/v1/pods'],
    [{ group: 'apps', version: 'v1', resource: 'deployments' }, '/apis/apps/v1/deployments'],
  ])('path of %j', (r, expected) => {
    expect(collectionPath({ ...r, kind: 'X', namespaced: true })).toBe(expected);
  });

  it('reads the storage version of a CRD', () => {
    const crd = {
      spec: {
        group: 'cert-manager.io',
        scope: 'Namespaced',
        names: { plural: 'certificates', kind: 'Certificate' },
        versions: [
          { name: 'v1alpha2', served: false },
          { name: 'v1beta1', served: true },
          { name: 'v1', served: true, storage: true },
        ],
      },
    };
    expect(kindOfCrd(crd)).toEqual({
      group: 'cert-manager.io',
      version: 'v1',
      resource: 'certificates',
      kind: 'Certificate',
      namespaced: true,
    });
    expect(
      kindOfCrd({ spec: { ...crd.spec, scope: 'Cluster', versions: [{ name: 'v2' }] } })?.namespaced,
    ).toBe(false);
    expect(kindOfCrd({ spec: { group: 'x' } })).toBeUndefined();
    expect(kindOfCrd(null)).toBeUndefined();
  });
});
