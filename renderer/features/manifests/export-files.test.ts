import { describe, expect, it } from 'vitest';
import { groupByNamespace } from './export-files';
import { checkDropSize, manifestFiles, MAX_DROP_BYTES } from './read-drop';

describe('groupByNamespace', () => {
  it('joins the folder layout into one download per namespace folder', () => {
    const files = [
      { path: 'shop/00-namespace-shop.yaml', text: 'a\n', objects: 1 },
      { path: 'shop/05-deployment-web.yaml', text: 'b\n', objects: 1 },
      { path: '_cluster/01-clusterrole-x.yaml', text: 'c\n', objects: 1 },
      { path: 'c2/shop/05-deployment-web.yaml', text: 'd\n', objects: 1 },
    ];
    expect(groupByNamespace(files)).toEqual([
      { name: 'shop.yaml', text: 'a\n---\nb\n', objects: 2 },
      { name: '_cluster.yaml', text: 'c\n', objects: 1 },
      { name: 'c2-shop.yaml', text: 'd\n', objects: 1 },
    ]);
  });
});

describe('reading a drop', () => {
  it('keeps manifest names outside hidden folders', () => {
    const names = [
      'app/a.yaml',
      'app/b.yml',
      'app/c.json',
      'app/README.md',
      'app/.git/x.yaml',
      'app/.hidden.yaml',
    ];
    expect(manifestFiles(names.map((name) => ({ name }))).map((f) => f.name)).toEqual([
      'app/a.yaml',
      'app/b.yml',
      'app/c.json',
    ]);
  });
  it('refuses a drop over the size cap before reading it', () => {
    expect(() => checkDropSize([{ size: MAX_DROP_BYTES }, { size: 1 }])).toThrow(/more than the 24 MB/);
    expect(() => checkDropSize([{ size: 10 }])).not.toThrow();
  });
});
