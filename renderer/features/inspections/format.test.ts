import { describe, expect, it } from 'vitest';
import { duration, gradeTone, progressText, resultText, runDuration, when } from './format';

describe('inspections formatting', () => {
  it.each([
    [undefined, '--'],
    [-5, '--'],
    [420, '0.4 s'],
    [9_949, '9.9 s'],
    [12_000, '12 s'],
    [185_000, '3 min 05 s'],
    [3_720_000, '1 h 02 min'],
  ])('duration %s → %s', (ms, text) => {
    expect(duration(ms)).toBe(text);
  });

  it('measures a running run up to now', () => {
    expect(runDuration({ startedAt: '2026-12-04T10:00:00Z' }, Date.parse('2026-12-04T10:00:30Z'))).toBe(
      '30 s',
    );
    expect(runDuration({ startedAt: '2026-12-04T10:00:00Z', finishedAt: '2026-12-04T10:00:02Z' })).toBe(
      '2.0 s',
    );
    expect(runDuration({ startedAt: 'garbage' })).toBe('--');
  });

  it('tells times to the minute, or to the second when asked', () => {
    const iso = new Date(2026, 11, 4, 22, 31, 7).toISOString();
    expect(when(iso)).toBe('2026-12-04 22:31');
    expect(when(iso, true)).toBe('2026-12-04 22:31:07');
    expect(when(undefined)).toBe('--');
    expect(when('yesterday')).toBe('yesterday');
  });

  it('says the result of each status', () => {
    expect(resultText({ status: 'done', score: 78, grade: 'C' })).toBe('78 · C');
    expect(resultText({ status: 'running', score: 0, grade: '' })).toBe('Running…');
    expect(resultText({ status: 'failed', score: 0, grade: '', message: 'cluster unreachable' })).toBe(
      'Failed: cluster unreachable',
    );
    expect(resultText({ status: 'cancelled', score: 0, grade: '' })).toBe('Cancelled');
  });

  it('reports progress', () => {
    expect(progressText({ done: 0, total: 0, phase: 'reading' })).toBe('Reading…');
    expect(progressText({ done: 1200, total: 5000, phase: 'inspecting' })).toBe(
      'Inspecting 1,200 of 5,000 objects (24%)',
    );
  });

  it.each([
    ['A', 'good'],
    ['B', 'good'],
    ['C', 'fair'],
    ['D', 'fair'],
    ['E', 'bad'],
    ['F', 'bad'],
    ['', 'none'],
  ])('grade %s is %s', (grade, tone) => {
    expect(gradeTone(grade)).toBe(tone);
  });
});
