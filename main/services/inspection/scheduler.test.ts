import { describe, expect, it } from 'vitest';
import {
  dueSchedules,
  isDue,
  nextAfter,
  nextRun,
  startScheduler,
  type Every,
  type ScheduleState,
} from './scheduler';

// Local times, so the table holds in any time zone.
const at = (d: number, h: number, m = 0) => new Date(2026, 11, d, h, m, 0, 0);

describe('nextAfter', () => {
  it.each<[string, Every, Date, Date]>([
    ['every 6 hours adds 6 hours', { kind: 'hours', hours: 6 }, at(4, 10, 15), at(4, 16, 15)],
    ['every 24 hours crosses midnight', { kind: 'hours', hours: 24 }, at(4, 23), at(5, 23)],
    ['daily later the same day', { kind: 'daily', at: '14:30' }, at(4, 9), at(4, 14, 30)],
    ['daily already passed today: tomorrow', { kind: 'daily', at: '02:00' }, at(4, 9), at(5, 2)],
    [
      'daily exactly at the time: tomorrow, not again now',
      { kind: 'daily', at: '09:00' },
      at(4, 9),
      at(5, 9),
    ],
    ['daily at midnight', { kind: 'daily', at: '00:00' }, at(4, 23, 59), at(5, 0)],
    ['daily over a month end', { kind: 'daily', at: '01:00' }, at(31, 5), new Date(2027, 0, 1, 1, 0)],
  ])('%s', (_name, every, after, expected) => {
    expect(nextAfter(every, after).getTime()).toBe(expected.getTime());
  });

  it('names a bad daily time', () => {
    expect(() => nextAfter({ kind: 'daily', at: '9:00' }, at(4, 1))).toThrow('"9:00" is not HH:MM');
  });
});

describe('due schedules and catch-up', () => {
  const base: ScheduleState = {
    id: 's',
    every: { kind: 'daily', at: '03:00' },
    enabled: true,
    createdAt: at(1, 12).toISOString(),
  };
  it.each<[string, Partial<ScheduleState>, Date, boolean]>([
    ['first run one period after creation: not yet', {}, at(2, 2, 59), false],
    ['first run one period after creation: due', {}, at(2, 3), true],
    ['ran today at 03:00: not due at 12:00', { lastRunAt: at(4, 3).toISOString() }, at(4, 12), false],
    ['ran yesterday: due after 03:00 today', { lastRunAt: at(3, 3).toISOString() }, at(4, 3, 1), true],
    ['disabled is never due', { enabled: false, lastRunAt: at(1, 3).toISOString() }, at(9, 9), false],
  ])('%s', (_name, patch, now, due) => {
    expect(isDue({ ...base, ...patch }, now)).toBe(due);
  });

  it('a schedule missed for 5 days while closed runs once at start, then waits for the next slot', () => {
    let s: ScheduleState = { ...base, lastRunAt: at(1, 3).toISOString() };
    const open = at(6, 10); // the app opens five daily slots later
    const runs: Date[] = [];
    const scheduler = startScheduler({
      list: () => [s],
      run: (sched, now) => {
        runs.push(now);
        s = { ...sched, lastRunAt: now.toISOString() };
      },
      now: () => open,
      tickMs: 1_000_000,
    });
    scheduler.tick();
    scheduler.tick();
    scheduler.stop();
    expect(runs.map((d) => d.getTime())).toEqual([open.getTime()]);
    expect(nextRun(s)!.getTime()).toBe(at(7, 3).getTime());
  });

  it('every N hours: missed periods collapse into one run, the next is N hours after it', () => {
    const s: ScheduleState = {
      id: 'h',
      every: { kind: 'hours', hours: 4 },
      enabled: true,
      createdAt: at(1, 0).toISOString(),
      lastRunAt: at(1, 0).toISOString(),
    };
    expect(dueSchedules([s], at(3, 0))).toEqual([s]);
    const after = { ...s, lastRunAt: at(3, 0).toISOString() };
    expect(dueSchedules([after], at(3, 3, 59))).toEqual([]);
    expect(nextRun(after)!.getTime()).toBe(at(3, 4).getTime());
  });

  it('no next run when disabled', () => {
    expect(nextRun({ ...base, enabled: false })).toBeUndefined();
  });
});
