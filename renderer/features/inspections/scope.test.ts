import { describe, expect, it } from 'vitest';
import type { InspectionScope } from '../../../shared/contract/inspections';
import { describeScope, draftOfScope, emptyScopeDraft, scopeFromKey, scopeKey, scopeOfDraft } from './scope';

const scopes: InspectionScope[] = [
  { kind: 'fleet' },
  { kind: 'group', id: 'g-1' },
  { kind: 'cluster', id: 'c:1' },
  { kind: 'workspace', id: 'w' },
  { kind: 'namespace', cluster: 'a/b', namespace: 'shop' },
  { kind: 'source', source: 'snapshot:abc' },
];

describe('scopes', () => {
  it.each(scopes)('%o survives key → scope and draft → scope', (scope) => {
    expect(scopeFromKey(scopeKey(scope))).toEqual(scope);
    expect(scopeOfDraft(draftOfScope(scope))).toEqual({ scope });
  });

  it.each(['', 'nope', 'cluster:', 'namespace:c', 'namespace:/ns', 'namespace:c/', 'planet:x'])(
    'the key %j names no scope',
    (key) => {
      expect(scopeFromKey(key)).toBeUndefined();
    },
  );

  it.each<[Parameters<typeof scopeOfDraft>[0], string]>([
    [emptyScopeDraft('cluster'), 'Pick a cluster'],
    [emptyScopeDraft('group'), 'Pick a cluster group'],
    [emptyScopeDraft('workspace'), 'Pick a workspace'],
    [emptyScopeDraft('namespace'), 'Pick the cluster of the namespace'],
    [{ ...emptyScopeDraft('namespace'), cluster: 'c', namespace: '  ' }, 'Pick a namespace'],
    [{ ...emptyScopeDraft('source'), target: 'live' }, 'Open a snapshot or import manifests first'],
  ])('an incomplete draft says what is missing: %o', (draft, problem) => {
    expect(scopeOfDraft(draft)).toEqual({ problem });
  });

  it('describes scopes with names', () => {
    const names = {
      cluster: (id: string) => `C(${id})`,
      group: (id: string) => `G(${id})`,
      workspace: (id: string) => `W(${id})`,
      source: (id: string) => `S(${id})`,
    };
    expect(scopes.map((s) => describeScope(s, names))).toEqual([
      'Whole fleet',
      'Cluster group G(g-1)',
      'Cluster C(c:1)',
      'Workspace W(w)',
      'Namespace shop on C(a/b)',
      'S(snapshot:abc)',
    ]);
  });
});
