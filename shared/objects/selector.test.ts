import { describe, expect, it } from 'vitest';
import { formatSelector, matchesSelector, parseSelector, SelectorError, type Requirement } from './selector';

describe('parseSelector', () => {
  const ok: Array<[string, Requirement[]]> = [
    ['', []],
    ['   ', []],
    ['app', [{ key: 'app', op: 'exists', values: [] }]],
    ['!app', [{ key: 'app', op: 'notexists', values: [] }]],
    ['! app', [{ key: 'app', op: 'notexists', values: [] }]],
    ['app=web', [{ key: 'app', op: 'eq', values: ['web'] }]],
    ['app==web', [{ key: 'app', op: 'eq', values: ['web'] }]],
    ['app = web', [{ key: 'app', op: 'eq', values: ['web'] }]],
    ['app!=web', [{ key: 'app', op: 'neq', values: ['web'] }]],
    ['app=', [{ key: 'app', op: 'eq', values: [''] }]],
    [
      'app=,tier',
      [
        { key: 'app', op: 'eq', values: [''] },
        { key: 'tier', op: 'exists', values: [] },
      ],
    ],
    ['env in (prod, dev,prod)', [{ key: 'env', op: 'in', values: ['dev', 'prod'] }]],
    ['env notin (canary)', [{ key: 'env', op: 'notin', values: ['canary'] }]],
    ['env in (a,)', [{ key: 'env', op: 'in', values: ['', 'a'] }]],
    ['app.kubernetes.io/name=nginx', [{ key: 'app.kubernetes.io/name', op: 'eq', values: ['nginx'] }]],
    ['in=notin', [{ key: 'in', op: 'eq', values: ['notin'] }]],
    [
      'tier=front,app in (a,b), !legacy',
      [
        { key: 'app', op: 'in', values: ['a', 'b'] },
        { key: 'legacy', op: 'notexists', values: [] },
        { key: 'tier', op: 'eq', values: ['front'] },
      ],
    ],
  ];
  it.each(ok)('parses %j', (text, expected) => {
    expect(parseSelector(text)).toEqual(expected);
  });

  const bad: Array<[string, RegExp, number]> = [
    ['app=web,', /requirement after ","/, 9],
    [',app', /label key or "!"/, 1],
    ['app web', /"=", "==", "!=", "in", "notin" or ","/, 5],
    ['app in a', /"\(" after "in"/, 8],
    ['app in (a', /"," or "\)"/, 10],
    ['app in ()', /must not be empty/, 5],
    ['app=(x)', /a value after "="/, 5],
    ['-app=x', /invalid label key at column 1/, 1],
    ['Example.com/app=x', /lowercase DNS subdomain/, 1],
    ['/app=x', /prefix .* must not be empty/, 1],
    ['app=-bad', /invalid label value at column 5/, 5],
    [`app=${'v'.repeat(64)}`, /longer than 63/, 5],
    [`${'k'.repeat(64)}`, /longer than 63/, 1],
    ['a=b c=d', /","/, 5],
    ['!', /label key after "!"/, 2],
    ['!app=x', /","/, 5],
  ];
  it.each(bad)('refuses %j', (text, message, column) => {
    let error: unknown;
    try {
      parseSelector(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SelectorError);
    expect((error as SelectorError).message).toMatch(message);
    expect((error as SelectorError).column).toBe(column);
  });
});

describe('matchesSelector', () => {
  const labels = { app: 'web', tier: 'front', 'app.kubernetes.io/name': 'nginx', empty: '' };
  const cases: Array<[string, boolean]> = [
    ['', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=web', true],
    ['app=db', false],
    ['app!=db', true],
    ['app!=web', false],
    ['missing!=x', true],
    ['app in (db,web)', true],
    ['app in (db)', false],
    ['missing in (x)', false],
    ['app notin (db)', true],
    ['app notin (web)', false],
    ['missing notin (x)', true],
    ['empty=', true],
    ['empty', true],
    ['missing=', false],
    ['app=web,tier=front', true],
    ['app=web,tier=back', false],
    ['app.kubernetes.io/name=nginx', true],
  ];
  it.each(cases)('%j → %s', (text, expected) => {
    expect(matchesSelector(labels, parseSelector(text))).toBe(expected);
  });
});

describe('formatSelector', () => {
  it.each([
    ['app = web , !x,t in (b, a)', 'app=web,t in (a,b),!x'],
    ['b!=c,a', 'a,b!=c'],
  ])('%j → %j', (text, expected) => {
    expect(formatSelector(parseSelector(text))).toBe(expected);
  });
});
