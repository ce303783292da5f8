import { describe, expect, it } from 'vitest';
import { draftProblem, type Draft } from './drafts';

const draft = (over: Partial<Draft>): Draft => ({
  selected: true,
  name: 'prod-1',
  description: '',
  labelsText: '',
  groupId: 'default',
  ...over,
});

describe('attach drafts', () => {
  it('accepts a good draft', () => {
    expect(draftProblem(draft({ labelsText: 'env: prod' }), new Set())).toBeNull();
  });

  it.each([
    [draft({ name: 'Prod' }), /lowercase/],
    [draft({ name: 'prod-' }), /starting and ending/],
    [draft({ name: 'a'.repeat(64) }), /lowercase/],
    [draft({ labelsText: 'env prod' }), /Labels: "env prod" is not a label/],
  ])('refuses %j', (d, message) => {
    expect(draftProblem(d, new Set())).toMatch(message);
  });

  it('refuses a name used twice in the same attach', () => {
    expect(draftProblem(draft({}), new Set(['prod-1']))).toMatch(/used twice/);
  });
});
