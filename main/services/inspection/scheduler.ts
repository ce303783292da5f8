/**
 * Inspection schedules: when a schedule runs next (pure), and a timer that starts due runs while the
 * app is open. A schedule missed while the app was closed runs once when it opens, not once per miss:
 * the next run is always computed from the last run, and a run moves the last run to now.
 */

export type Every = { kind: 'hours'; hours: number } | { kind: 'daily'; at: string };

export interface ScheduleState {
  id: string;
  every: Every;
  enabled: boolean;
  /** When the schedule was made: the first run is one period after it. */
  createdAt: string;
  lastRunAt?: string;
}

const HOUR = 3_600_000;

/** The first time strictly after `after` at which `every` fires (daily times are local time). */
export function nextAfter(every: Every, after: Date): Date {
  if (every.kind === 'hours') return new Date(after.getTime() + every.hours * HOUR);
  const m = /^(\d\d):(\d\d)$/.exec(every.at);
  if (!m) throw new Error(`daily time "${every.at}" is not HH:MM`);
  const next = new Date(after.getTime());
  next.setHours(Number(m[1]), Number(m[2]), 0, 0);
  if (next.getTime() <= after.getTime()) {
    next.setDate(next.getDate() + 1);
    next.setHours(Number(m[1]), Number(m[2]), 0, 0);
  }
  return next;
}

/** When the schedule is next due (possibly in the past: then it is due now), or undefined when disabled. */
export function nextRun(s: ScheduleState): Date | undefined {
  if (!s.enabled) return undefined;
  return nextAfter(s.every, new Date(s.lastRunAt ?? s.createdAt));
}

/** Whether the schedule should run at `now` (once, however many periods were missed). */
export function isDue(s: ScheduleState, now: Date): boolean {
  const next = nextRun(s);
  return next !== undefined && next.getTime() <= now.getTime();
}

/** The schedules due at `now`, each once. */
export function dueSchedules<T extends ScheduleState>(schedules: readonly T[], now: Date): T[] {
  return schedules.filter((s) => isDue(s, now));
}

export interface SchedulerDeps<T extends ScheduleState> {
  list(): T[];
  /** Starts the schedule's run; the caller records lastRunAt = now before the run ends. */
  run(schedule: T, now: Date): void;
  now?: () => Date;
  /** How often to look (ms); 30 s by default. */
  tickMs?: number;
  onError?(error: unknown): void;
}

/** Looks for due schedules at start (catch-up) and then every tick until stopped. */
export function startScheduler<T extends ScheduleState>(
  deps: SchedulerDeps<T>,
): { tick(): void; stop(): void } {
  const now = deps.now ?? (() => new Date());
  const tick = () => {
    try {
      const at = now();
      for (const s of dueSchedules(deps.list(), at)) deps.run(s, at);
    } catch (error) {
      deps.onError?.(error);
    }
  };
  tick();
  const timer = setInterval(tick, deps.tickMs ?? 30_000);
  timer.unref?.();
  return { tick, stop: () => clearInterval(timer) };
}
