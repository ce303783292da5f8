/**
 * Cron schedules as CronJobs use them: five fields (minute hour day-of-month month day-of-week),
 * lists, ranges, steps, month/day names, `?`, the @hourly/@daily/@weekly/@monthly/@yearly macros
 * and `@every <duration>`.
 * Times are UTC unless a time zone is given (CronJob spec.timeZone). Day-of-month and day-of-week are OR-ed when both are restricted, as in cron.
 */
export class CronError extends Error {
  readonly code = 422;
}

export interface Cron {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domAny: boolean;
  dowAny: boolean;
  /** `@every 1h30m`: a fixed interval instead of fields. */
  everyMs?: number;
}

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function value(
  text: string,
  names: string[] | undefined,
  offset: number,
  field: string,
  expr: string,
): number {
  const upper = text.toUpperCase();
  const named = names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + offset;
  if (!/^\d+$/.test(text))
    throw new CronError(`schedule "${expr}": ${field} value "${text}" is not a number`);
  return Number(text);
}

function parseField(
  text: string,
  min: number,
  max: number,
  field: string,
  expr: string,
  names?: string[],
  offset = 0,
): { set: Set<number>; any: boolean } {
  const set = new Set<number>();
  const any = text === '*' || text === '?';
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      throw new CronError(`schedule "${expr}": ${field} step "${stepText}" must be a positive integer`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') [lo, hi] = [min, max];
    else if (range?.includes('-')) {
      const [a, b] = range.split('-');
      lo = value(a ?? '', names, offset, field, expr);
      hi = value(b ?? '', names, offset, field, expr);
    } else {
      lo = value(range ?? '', names, offset, field, expr);
      hi = stepText === undefined ? lo : max;
    }
    const top = field === 'day-of-week' ? 7 : max;
    if (lo < min || hi > top || lo > hi)
      throw new CronError(`schedule "${expr}": ${field} range "${part}" is outside ${min}-${max}`);
    for (let v = lo; v <= hi; v += step) set.add(field === 'day-of-week' ? v % 7 : v);
  }
  return { set, any };
}

function parseEvery(expr: string, text: string): number {
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(text))) {
    total += Number(m[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[m[2] as 'h' | 'm' | 's' | 'ms'];
    consumed = re.lastIndex;
  }
  if (consumed !== text.length || total <= 0)
    throw new CronError(`schedule "${expr}": "@every ${text}" needs a duration like 90s, 5m or 1h30m`);
  return total;
}

export function parseCron(expr: string): Cron {
  const trimmed = expr
    .trim()
    .replace(/^TZ=\S+\s+/, '')
    .replace(/^CRON_TZ=\S+\s+/, '');
  const every = /^@every\s+(\S+)$/.exec(trimmed);
  if (every) {
    const none = new Set<number>();
    const everyMs = parseEvery(expr, every[1] as string);
    return {
      minute: none,
      hour: none,
      dom: none,
      month: none,
      dow: none,
      domAny: true,
      dowAny: true,
      everyMs,
    };
  }
  const text = MACROS[trimmed.toLowerCase()] ?? trimmed;
  const fields = text.split(/\s+/);
  if (fields.length !== 5)
    throw new CronError(
      `schedule "${expr}": expected 5 fields (minute hour day-of-month month day-of-week), got ${fields.length}`,
    );
  const [mi, h, dom, mo, dow] = fields as [string, string, string, string, string];
  const d = parseField(dom, 1, 31, 'day-of-month', expr);
  const w = parseField(dow, 0, 6, 'day-of-week', expr, DAYS);
  return {
    minute: parseField(mi, 0, 59, 'minute', expr).set,
    hour: parseField(h, 0, 23, 'hour', expr).set,
    dom: d.set,
    month: parseField(mo, 1, 12, 'month', expr, MONTHS, 1).set,
    dow: w.set,
    domAny: d.any,
    dowAny: w.any,
  };
}

function dayMatches(c: Cron, date: Date): boolean {
  const dom = c.dom.has(date.getUTCDate());
  const dow = c.dow.has(date.getUTCDay());
  if (c.domAny && c.dowAny) return true;
  if (c.domAny) return dow;
  if (c.dowAny) return dom;
  return dom || dow;
}

/** The first scheduled time strictly after `afterMs` (ms since epoch), or undefined within 5 years. */
export function nextRun(c: Cron, afterMs: number): number | undefined {
  if (c.everyMs) return Math.floor(afterMs / 1000) * 1000 + Math.max(1000, c.everyMs);
  const d = new Date(Math.floor(afterMs / 60_000) * 60_000 + 60_000);
  const limit = afterMs + 5 * 366 * 86_400_000;
  while (d.getTime() <= limit) {
    if (!c.month.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(c, d)) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!c.hour.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!c.minute.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    return d.getTime();
  }
  return undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds to add to a UTC instant to get the wall clock in `timeZone`; throws CronError for unknown zones. */
export function zoneOffset(timeZone: string, instant: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new CronError(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(
    p.year as number,
    (p.month as number) - 1,
    p.day as number,
    p.hour as number,
    p.minute as number,
    p.second as number,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** nextRun with the schedule read in `timeZone` (spec.timeZone); UTC when undefined. */
export function nextRunIn(c: Cron, afterMs: number, timeZone?: string): number | undefined {
  if (!timeZone || c.everyMs) return nextRun(c, afterMs);
  const wall = nextRun(c, afterMs + zoneOffset(timeZone, afterMs));
  if (wall === undefined) return undefined;
  const guess = wall - zoneOffset(timeZone, wall - zoneOffset(timeZone, afterMs));
  return wall - zoneOffset(timeZone, guess);
}

/** The latest scheduled time in (afterMs, nowMs], if any. */
export function lastMissedRun(
  c: Cron,
  afterMs: number,
  nowMs: number,
  timeZone?: string,
): number | undefined {
  let t = nextRunIn(c, afterMs, timeZone);
  if (t === undefined || t > nowMs) return undefined;
  // Jump close to now when far behind, then walk forward.
  if (nowMs - t > 3 * 86_400_000) {
    const near = nextRunIn(c, nowMs - 2 * 86_400_000, timeZone);
    if (near !== undefined && near <= nowMs) t = near;
  }
  for (;;) {
    const n = nextRunIn(c, t, timeZone);
    if (n === undefined || n > nowMs) return t;
    t = n;
  }
}
