import { describe, expect, it } from 'vitest';
import type { StoredObject } from '../../../shared/objects/types';
import { matchesLabelSelector, parseLabelSelector } from './label-selector';
import { MemoryObjectReader } from './memory-reader';

const obj = (
  kind: string,
  namespace: string,
  name: string,
  labels: Record<string, string> = {},
  cluster = 'c1',
): StoredObject => ({
  source: 's',
  cluster,
  group: '',
  version: 'v1',
  kind,
  namespace,
  name,
  uid: `${kind}/${name}`,
  resourceVersion: '1',
  labels,
  object: { apiVersion: 'v1', kind, metadata: { name, namespace, labels } },
});

describe('label selectors', () => {
  const cases: Array<[string, Record<string, string>, boolean]> = [
    ['app=web', { app: 'web' }, true],
    ['app=web', { app: 'db' }, false],
    ['app==web,tier!=front', { app: 'web', tier: 'back' }, true],
    ['app in (web, db)', { app: 'db' }, true],
    ['app notin (web)', {}, true],
    ['app', { app: '' }, true],
    ['!app', { app: 'x' }, false],
    ['', { any: 'x' }, true],
  ];
  it.each(cases)('%s on %j → %s', (sel, labels, want) => expect(parseLabelSelector(sel)(labels)).toBe(want));
  it('rejects malformed selectors', () => expect(() => parseLabelSelector('a b c')).toThrow(/a b c/));
  it('matches LabelSelector objects', () => {
    expect(
      matchesLabelSelector(
        { matchLabels: { a: '1' }, matchExpressions: [{ key: 'b', operator: 'Exists' }] },
        { a: '1', b: '' },
      ),
    ).toBe(true);
    expect(
      matchesLabelSelector({ matchExpressions: [{ key: 'b', operator: 'In', values: ['x'] }] }, { b: 'y' }),
    ).toBe(false);
    expect(matchesLabelSelector({}, {})).toBe(true);
  });
});

describe('MemoryObjectReader', () => {
  const r = new MemoryObjectReader([
    obj('Pod', 'a', 'web-1', { app: 'web' }),
    obj('Pod', 'b', 'db-1', { app: 'db' }),
    obj('Service', 'a', 'web'),
    obj('Pod', 'a', 'web-1', { app: 'web' }, 'c2'),
  ]);
  it('filters by kind, namespace, cluster, labels and text', () => {
    expect(r.count({ kinds: ['Pod'] })).toBe(3);
    expect(r.count({ kinds: ['Pod'], namespaces: ['a'] })).toBe(2);
    expect(r.count({ clusters: ['c2'] })).toBe(1);
    expect(r.count({ labelSelector: 'app=db' })).toBe(1);
    expect(r.count({ text: 'WEB' })).toBe(3);
    expect(r.count({ source: 'other' })).toBe(0);
  });
  it('gets and replaces by reference', () => {
    const ref = {
      source: 's',
      cluster: 'c1',
      group: '',
      version: 'v1',
      kind: 'Service',
      namespace: 'a',
      name: 'web',
    };
    expect(r.get(ref)?.name).toBe('web');
    r.put({ ...obj('Service', 'a', 'web'), resourceVersion: '2' });
    expect(r.get(ref)?.resourceVersion).toBe('2');
    expect(r.size).toBe(4);
  });
});
