import { describe, expect, it } from 'vitest';
import { appendCapped, logFileName, matchingLines, splitChunk, splitMatches } from './log-search';

describe('log search', () => {
  it.each([
    [
      'ERROR db down',
      'error',
      [
        ['ERROR', true],
        [' db down', false],
      ],
    ],
    [
      'a-b-a',
      'a',
      [
        ['a', true],
        ['-b-', false],
        ['a', true],
      ],
    ],
    ['nothing here', 'zzz', [['nothing here', false]]],
    ['no query', '', [['no query', false]]],
    ['', 'x', [['', false]]],
    [
      'aaaa',
      'aa',
      [
        ['aa', true],
        ['aa', true],
      ],
    ],
  ])('%s / %s', (line, query, pieces) => {
    expect(splitMatches(line, query).map((p) => [p.text, p.match])).toEqual(pieces);
    expect(
      splitMatches(line, query)
        .map((p) => p.text)
        .join(''),
    ).toBe(line);
  });

  it('finds matching lines case-insensitively', () => {
    expect(matchingLines(['INFO ok', 'error: x', 'Error again'], 'ERROR')).toEqual([1, 2]);
    expect(matchingLines(['a'], '')).toEqual([]);
  });

  it('splits streamed chunks into whole lines and carries the rest', () => {
    let r = splitChunk('', 'one\ntw');
    expect(r).toEqual({ lines: ['one'], carry: 'tw' });
    r = splitChunk(r.carry, 'o\r\nthree\n');
    expect(r).toEqual({ lines: ['two', 'three'], carry: '' });
  });

  it('keeps the newest lines', () => {
    expect(appendCapped(['a', 'b'], ['c', 'd'], 3)).toEqual(['b', 'c', 'd']);
    expect(appendCapped([], ['a'], 3)).toEqual(['a']);
  });

  it('makes a safe file name', () => {
    expect(logFileName(['tkg-01', 'shop', 'payment/x', 'server'])).toBe('tkg-01_shop_payment-x_server.log');
  });
});
