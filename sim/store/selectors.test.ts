import { describe, expect, it } from 'vitest';
import { matchLabels, parseLabelSelector, parseFieldSelector, SelectorError } from './selectors';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'front', 'example.com/team': 'a' };
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app!=web', false],
    ['app!=db', true],
    ['app in (web,db)', true],
    ['app notin (web)', false],
    ['tier,app', true],
    ['!tier', false],
    ['!missing', true],
    ['example.com/team=a', true],
    ['missing=x', false],
    ['missing!=x', true],
  ])('%s → %s', (sel, want) => {
    expect(matchLabels(parseLabelSelector(sel), labels)).toBe(want);
  });
  it('rejects malformed selectors with a 400', () => {
    expect(() => parseLabelSelector('app in web')).toThrow(SelectorError);
    expect(() => parseFieldSelector('metadata.name')).toThrow(/can't understand/);
  });
});
