import { describe, expect, it } from 'vitest';
import { fieldChanges } from './fields';

describe('fieldChanges', () => {
  it.each([
    ['equal objects', { a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }, []],
    ['a changed leaf', { spec: { replicas: 2 } }, { spec: { replicas: 3 } }, ['spec.replicas']],
    ['an added key', { metadata: {} }, { metadata: { labels: { app: 'x' } } }, ['metadata.labels']],
    ['a removed key', { spec: { paused: true } }, { spec: {} }, ['spec.paused']],
    [
      'a key that needs quoting',
      { labels: { 'app.kubernetes.io/name': 'a' } },
      { labels: { 'app.kubernetes.io/name': 'b' } },
      ['labels["app.kubernetes.io/name"]'],
    ],
    ['a plain list by index', { args: ['a', 'b'] }, { args: ['a', 'c', 'd'] }, ['args[1]', 'args[2]']],
    ['a type change', { x: { y: 1 } }, { x: 'y' }, ['x']],
  ])('%s', (_name, before, after, paths) => {
    expect(fieldChanges(before, after).map((c) => c.path)).toEqual(paths);
  });

  it('matches lists of named items by name, so an inserted container does not shift the others', () => {
    const before = {
      containers: [
        { name: 'web', image: 'web:1' },
        { name: 'log', image: 'log:1' },
      ],
    };
    const after = {
      containers: [
        { name: 'init', image: 'busybox' },
        { name: 'web', image: 'web:2' },
        { name: 'log', image: 'log:1' },
      ],
    };
    expect(fieldChanges(before, after)).toEqual([
      { path: 'containers[name=web].image', before: 'web:1', after: 'web:2' },
      { path: 'containers[name=init]', after: { name: 'init', image: 'busybox' } },
    ]);
  });

  it('keeps the values on both sides of a change', () => {
    expect(fieldChanges({ spec: { replicas: 2 } }, { spec: { replicas: 5 } })).toEqual([
      { path: 'spec.replicas', before: 2, after: 5 },
    ]);
  });
});
