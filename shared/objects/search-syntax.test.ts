import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS, parseSearchText, type SearchTerm } from './search-syntax';

describe('parseSearchText', () => {
  const cases: Array<[string, SearchTerm[]]> = [
    ['', []],
    ['  nginx  ', [{ type: 'word', text: 'nginx' }]],
    [
      'pods Cart-7d9',
      [
        { type: 'word', text: 'pods' },
        { type: 'word', text: 'Cart-7d9' },
      ],
    ],
    ['app=cart', [{ type: 'label', requirement: { key: 'app', op: 'eq', values: ['cart'] } }]],
    ['app==Cart', [{ type: 'label', requirement: { key: 'app', op: 'eq', values: ['Cart'] } }]],
    ['tier!=web', [{ type: 'label', requirement: { key: 'tier', op: 'neq', values: ['web'] } }]],
    ['!canary', [{ type: 'label', requirement: { key: 'canary', op: 'notexists', values: [] } }]],
    ['app=', [{ type: 'label', requirement: { key: 'app', op: 'exists', values: [] } }]],
    [
      'app.kubernetes.io/name=nginx',
      [{ type: 'label', requirement: { key: 'app.kubernetes.io/name', op: 'eq', values: ['nginx'] } }],
    ],
    // a value still to come, and prefixes without a value: nothing yet
    ['app!=', []],
    ['ns: cluster:', []],
    ['ns:shop', [{ type: 'filter', filter: 'namespace', value: 'shop' }]],
    ['Namespace:shop', [{ type: 'filter', filter: 'namespace', value: 'shop' }]],
    ['cluster:tkg-01', [{ type: 'filter', filter: 'cluster', value: 'tkg-01' }]],
    ['kind:deploy', [{ type: 'filter', filter: 'kind', value: 'deploy' }]],
    // not label requirements, not known prefixes: words
    ['a=b=c', [{ type: 'word', text: 'a=b=c' }]],
    ['=cart', [{ type: 'word', text: '=cart' }]],
    ['app=cart_', [{ type: 'word', text: 'app=cart_' }]],
    ['-app=x', [{ type: 'word', text: '-app=x' }]],
    ['!app=x', [{ type: 'word', text: '!app=x' }]],
    ['image:nginx', [{ type: 'word', text: 'image:nginx' }]],
    [':shop', [{ type: 'word', text: ':shop' }]],
  ];
  it.each(cases)('%j', (text, terms) => {
    expect(parseSearchText(text)).toEqual(terms);
  });

  it(`reads at most ${MAX_SEARCH_TERMS} terms`, () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    expect(parseSearchText(words.join(' ')).map((t) => (t.type === 'word' ? t.text : ''))).toEqual(
      words.slice(0, MAX_SEARCH_TERMS),
    );
  });
});
