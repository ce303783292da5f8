/**
 * The "Add schedule" form: what the user typed, its validation (one message per field, naming the
 * field and what is allowed), and the cadence it describes. Pure.
 */

import type { ScheduleEvery } from '../../../shared/contract/inspections';

export type Cadence = ScheduleEvery;

export interface ScheduleDraft {
  /** A scope key from the scope picker (see scope.ts); '' until one is picked. */
  scope: string;
  mode: 'daily' | 'hours';
  /** "HH:MM", 24-hour, local time. */
  time: string;
  /** Whole hours as typed. */
  hours: string;
}

export const emptyDraft = (scope = ''): ScheduleDraft => ({
  scope,
  mode: 'daily',
  time: '02:00',
  hours: '6',
});

export type DraftErrors = Partial<Record<'scope' | 'time' | 'hours', string>>;

export const MAX_HOURS = 168;

export function validateDraft(d: ScheduleDraft): { errors: DraftErrors; cadence?: Cadence } {
  const errors: DraftErrors = {};
  if (!d.scope) errors.scope = 'Scope: pick what to inspect.';
  let cadence: Cadence | undefined;
  if (d.mode === 'daily') {
    const m = /^(\d{1,2}):(\d{2})$/.exec(d.time.trim());
    const h = m ? Number(m[1]) : NaN;
    const min = m ? Number(m[2]) : NaN;
    if (!m || h > 23 || min > 59)
      errors.time = `Time: "${d.time}" is not a time of day; use HH:MM, 00:00 to 23:59.`;
    else cadence = { kind: 'daily', at: `${String(h).padStart(2, '0')}:${m[2]}` };
  } else {
    const text = d.hours.trim();
    const hours = Number(text);
    if (!/^\d+$/.test(text) || !Number.isInteger(hours) || hours < 1 || hours > MAX_HOURS)
      errors.hours = `Every: "${d.hours}" is not a whole number of hours from 1 to ${MAX_HOURS}.`;
    else cadence = { kind: 'hours', hours };
  }
  return Object.keys(errors).length > 0 ? { errors } : { errors, cadence };
}

/** "Daily at 02:00" / "Every 6 hours" / "Every hour". */
export function describeCadence(c: Cadence): string {
  if (c.kind === 'daily') return `Daily at ${c.at}`;
  return c.hours === 1 ? 'Every hour' : `Every ${c.hours} hours`;
}
