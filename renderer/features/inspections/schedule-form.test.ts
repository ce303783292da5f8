import { describe, expect, it } from 'vitest';
import { describeCadence, emptyDraft, validateDraft, type ScheduleDraft } from './schedule-form';

const draft = (over: Partial<ScheduleDraft>): ScheduleDraft => ({ ...emptyDraft('group:prod'), ...over });

describe('schedule form', () => {
  it.each([
    ['02:00', '02:00'],
    ['7:05', '07:05'],
    [' 23:59 ', '23:59'],
    ['00:00', '00:00'],
  ])('daily at %j is %s', (time, at) => {
    expect(validateDraft(draft({ mode: 'daily', time }))).toEqual({
      errors: {},
      cadence: { kind: 'daily', at },
    });
  });

  it.each(['24:00', '12:60', '12', 'noon', '', '1:2', '-1:00'])(
    'daily at %j is refused with the field named',
    (time) => {
      const r = validateDraft(draft({ mode: 'daily', time }));
      expect(r.cadence).toBeUndefined();
      expect(r.errors.time).toMatch(/^Time: ".*" is not a time of day; use HH:MM, 00:00 to 23:59\.$/);
    },
  );

  it.each([
    ['1', 1],
    ['6', 6],
    [' 168 ', 168],
  ])('every %j hours', (hours, n) => {
    expect(validateDraft(draft({ mode: 'hours', hours }))).toEqual({
      errors: {},
      cadence: { kind: 'hours', hours: n },
    });
  });

  it.each(['0', '169', '1.5', '-2', 'six', ''])('every %j hours is refused', (hours) => {
    const r = validateDraft(draft({ mode: 'hours', hours }));
    expect(r.errors.hours).toContain('is not a whole number of hours from 1 to 168');
    expect(r.cadence).toBeUndefined();
  });

  it('needs a scope, and a bad time does not hide it', () => {
    const r = validateDraft({ ...emptyDraft(), time: '99:99' });
    expect(Object.keys(r.errors).sort()).toEqual(['scope', 'time']);
    expect(r.errors.scope).toBe('Scope: pick what to inspect.');
  });

  it('the time field is not judged when the schedule runs every N hours', () => {
    expect(validateDraft(draft({ mode: 'hours', time: 'garbage', hours: '3' })).errors).toEqual({});
  });

  it('describes cadences', () => {
    expect(describeCadence({ kind: 'daily', at: '02:00' })).toBe('Daily at 02:00');
    expect(describeCadence({ kind: 'hours', hours: 1 })).toBe('Every hour');
    expect(describeCadence({ kind: 'hours', hours: 6 })).toBe('Every 6 hours');
  });
});
