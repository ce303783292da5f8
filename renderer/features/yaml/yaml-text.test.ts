import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { kindOfText, toYaml, yamlProblems } from './yaml-text';

describe('yaml text', () => {
  it('round-trips an object without anchors or folding', () => {
    const shared = { app: 'web' };
    const object = {
      metadata: { labels: shared, annotations: { long: 'x'.repeat(200) } },
      spec: { selector: shared },
    };
    const text = toYaml(object);
    expect(text).not.toContain('&');
    expect(text).toContain(`long: ${'x'.repeat(200)}\n`);
    expect(parse(text)).toEqual(object);
  });

  it('has no problems for one valid document', () => {
    expect(yamlProblems('apiVersion: v1\nkind: Pod\n')).toEqual([]);
  });

  it('places a syntax error on its line', () => {
    const [problem, ...rest] = yamlProblems('a: 1\nb: [1, 2\nc: 3\n');
    expect(rest).toEqual([]);
    expect(problem!.line).toBeGreaterThanOrEqual(2);
    expect(problem!.message).toMatch(/flow|collection|\]/i);
  });

  it('flags a second document and an empty text', () => {
    expect(yamlProblems('a: 1\n---\nb: 2\n')[0]!.message).toMatch(/2 documents/);
    expect(yamlProblems('')[0]!.message).toMatch(/0 documents/);
  });
});

describe('kindOfText', () => {
  it.each([
    ['apiVersion: apps/v1\nkind: Deployment\n', { group: 'apps', version: 'v1', kind: 'Deployment' }],
    ['kind: Pod\nmetadata:\n  name: x\napiVersion: v1\n', { group: '', version: 'v1', kind: 'Pod' }],
    [
      'apiVersion: "networking.k8s.io/v1" # ingress\nkind: \'Ingress\'\n',
      { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress' },
    ],
  ])('reads the top-level apiVersion and kind of %j', (text, want) => {
    expect(kindOfText(text)).toEqual(want);
  });

  it.each([
    ['kind: Pod\n'],
    ['apiVersion: v1\n'],
    ['apiVersion: v1\nspec:\n  kind: Pod\n'],
    ['apiVersion: apps/\nkind: Deployment\n'],
    ['apiVersion: v1\nkind: {a: 1}\n'],
    ['apiVersion: v1\nkind:\n'],
  ])('has none for %j', (text) => {
    expect(kindOfText(text)).toBeUndefined();
  });
});
