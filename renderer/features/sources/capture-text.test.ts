import { describe, expect, it } from 'vitest';
import type { CaptureProgress } from '../../../shared/contract/sources';
import { downloadHref, finished, percent, progressText, scopeText } from './capture-text';

const p = (patch: Partial<CaptureProgress>): CaptureProgress => ({
  taskId: 't1',
  phase: 'reading',
  done: 0,
  total: 0,
  ...patch,
});

describe('capture progress', () => {
  it.each([
    [null, null, 'Starting…', false],
    [p({}), null, 'Reading the clusters…', false],
    [p({ done: 250, total: 1000 }), 25, 'Reading 250 of 1,000 objects…', false],
    [p({ phase: 'writing', done: 999, total: 1000 }), 100, 'Writing 999 of 1,000 objects…', false],
    [p({ phase: 'writing', done: 1500, total: 1000 }), 100, 'Writing 1,500 of 1,000 objects…', false],
    [p({ phase: 'done', done: 0, total: 12, path: '/x.flotilla' }), 100, 'Captured 12 objects.', true],
    [
      p({ phase: 'failed', message: 'tkg-01 is unreachable' }),
      null,
      'The capture failed: tkg-01 is unreachable. No file was written.',
      true,
    ],
    [p({ phase: 'cancelled', done: 3, total: 9 }), 33, 'Cancelled. No file was written.', true],
  ] as const)('%o', (progress, pct, text, end) => {
    expect(percent(progress)).toBe(pct);
    expect(progressText(progress)).toBe(text);
    expect(finished(progress)).toBe(end);
  });

  it('names the scope', () => {
    expect(scopeText({ kind: 'fleet' })).toBe('the whole fleet');
    expect(scopeText({ kind: 'group', name: 'g-1' }, 'prod')).toBe('cluster group prod');
    expect(scopeText({ kind: 'cluster', name: 'tkg-01' })).toBe('cluster tkg-01');
    expect(scopeText({ kind: 'workspace', name: 'shop' })).toBe('workspace shop');
  });
});

describe('downloadHref', () => {
  it('names the capture task under the download route, escaped', () => {
    expect(downloadHref('3f2a-9c')).toBe('/snapshots/download/3f2a-9c');
    expect(downloadHref('../x?y')).toBe('/snapshots/download/..%2Fx%3Fy');
  });
});
