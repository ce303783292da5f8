import { useCallback, useEffect, useState } from 'react';
import type { InspectionSchedule } from '../../../shared/contract/inspections';
import { Button } from '../../components/Button';
import { call, messageOf } from '../../lib/call';
import { useNoticeStore } from '../../stores/notice-store';
import { when } from './format';
import { inspectionsHref } from './route';
import { useRunsStore } from './runs-store';
import { emptyScopeDraft, scopeKey, scopeOfDraft, type ScopeDraft } from './scope';
import { describeCadence, emptyDraft, validateDraft, type ScheduleDraft } from './schedule-form';
import { ScopePicker } from './ScopePicker';
import type { ScopeLists } from './use-scope-names';

/** Scheduled runs (while the app is open; missed runs catch up): list, add, enable/disable, delete. */
export function SchedulesView({ lists }: { lists: ScopeLists }) {
  const [schedules, setSchedules] = useState<InspectionSchedule[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [scope, setScope] = useState<ScopeDraft>(emptyScopeDraft());
  const [draft, setDraft] = useState<ScheduleDraft>(emptyDraft());
  const [tried, setTried] = useState(false);
  const notice = useNoticeStore((s) => s.show);
  const finished = useRunsStore((s) => s.finishedCount);
  const load = useCallback(() => {
    call('inspections.schedules.list', {}).then(setSchedules, (e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(load, [load, finished]);

  const picked = scopeOfDraft(scope);
  const withScope: ScheduleDraft = { ...draft, scope: 'scope' in picked ? scopeKey(picked.scope) : '' };
  const checked = validateDraft(withScope);
  const add = () => {
    setTried(true);
    if (!('scope' in picked) || !checked.cadence) return;
    call('inspections.schedules.set', { scope: picked.scope, every: checked.cadence, enabled: true }).then(
      (s) => {
        notice(`Scheduled: ${s.label}, ${describeCadence(s.every).toLowerCase()}.`);
        setTried(false);
        load();
      },
      (e: unknown) => setError(messageOf(e)),
    );
  };
  const toggle = (s: InspectionSchedule) => {
    // the box follows the click at once; the list is reloaded from main either way
    setSchedules((list) => list?.map((x) => (x.id === s.id ? { ...x, enabled: !s.enabled } : x)) ?? null);
    return call('inspections.schedules.set', {
      id: s.id,
      scope: s.scope,
      every: s.every,
      enabled: !s.enabled,
    }).then(load, (e: unknown) => {
      setError(messageOf(e));
      load();
    });
  };
  const remove = (s: InspectionSchedule) =>
    call('inspections.schedules.delete', { id: s.id }).then(
      () => {
        notice(`Deleted the schedule for ${s.label}.`);
        load();
      },
      (e: unknown) => setError(messageOf(e)),
    );
  const errors = tried ? checked.errors : {};
  const scopeProblem = tried && 'problem' in picked ? picked.problem : undefined;

  return (
    <div className="in-schedules">
      <section aria-labelledby="add-schedule">
        <h2 id="add-schedule">Add a schedule</h2>
        <div className="in-form-row">
          <ScopePicker draft={scope} onChange={setScope} lists={lists} />
          <label>
            Repeat
            <select
              value={draft.mode}
              onChange={(e) => setDraft({ ...draft, mode: e.target.value as ScheduleDraft['mode'] })}
            >
              <option value="daily">Daily at</option>
              <option value="hours">Every N hours</option>
            </select>
          </label>
          {draft.mode === 'daily' ? (
            <label>
              Time (HH:MM)
              <input
                value={draft.time}
                onChange={(e) => setDraft({ ...draft, time: e.target.value })}
                aria-invalid={errors.time ? true : undefined}
                size={6}
              />
            </label>
          ) : (
            <label>
              Hours
              <input
                value={draft.hours}
                inputMode="numeric"
                onChange={(e) => setDraft({ ...draft, hours: e.target.value })}
                aria-invalid={errors.hours ? true : undefined}
                size={4}
              />
            </label>
          )}
          <Button variant="primary" onClick={add}>
            Add schedule
          </Button>
        </div>
        {[scopeProblem, errors.time, errors.hours].filter(Boolean).map((m) => (
          <p key={m} className="form-error">
            {m}
          </p>
        ))}
        <p className="in-muted">
          Schedules run while Flotilla is open; a run missed while it was closed runs once when it opens
          again.
        </p>
      </section>
      {error ? <p className="form-error">{error}</p> : null}
      {!schedules ? (
        <p className="in-muted">Loading schedules…</p>
      ) : schedules.length === 0 ? (
        <p className="in-muted">No schedules yet.</p>
      ) : (
        <table className="table in-table" aria-label="Schedules" data-testid="schedules-table">
          <thead>
            <tr>
              <th scope="col">Scope</th>
              <th scope="col">When</th>
              <th scope="col">Enabled</th>
              <th scope="col">Last run</th>
              <th scope="col">Next run</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {schedules.map((s) => (
              <tr key={s.id} data-schedule={s.id}>
                <td>{s.label}</td>
                <td>{describeCadence(s.every)}</td>
                <td>
                  <input
                    type="checkbox"
                    checked={s.enabled}
                    onChange={() => void toggle(s)}
                    aria-label={`Enabled: ${s.label}, ${describeCadence(s.every)}`}
                  />
                </td>
                <td>
                  {s.lastRunId ? (
                    <a href={inspectionsHref.run(s.lastRunId)}>{when(s.lastRunAt)}</a>
                  ) : (
                    when(s.lastRunAt)
                  )}
                </td>
                <td>{s.enabled ? when(s.nextRunAt) : <span className="in-muted">disabled</span>}</td>
                <td>
                  <Button onClick={() => void remove(s)}>Delete</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
