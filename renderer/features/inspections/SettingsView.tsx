import { useEffect, useMemo, useState } from 'react';
import type {
  CheckInfo,
  CheckSet,
  InspectionSeverity,
  ScopeConfig,
} from '../../../shared/contract/inspections';
import { Button } from '../../components/Button';
import { call, messageOf } from '../../lib/call';
import { useNoticeStore } from '../../stores/notice-store';
import { describeExemption, emptyExemption, exemptionOf, type ExemptionDraft } from './exemption-form';
import { inspectionsHref } from './route';
import {
  draftOfScope,
  emptyScopeDraft,
  scopeFromKey,
  scopeKey,
  scopeOfDraft,
  type ScopeDraft,
} from './scope';
import { ScopePicker } from './ScopePicker';
import type { ScopeLists } from './use-scope-names';

const SETS: { id: CheckSet; label: string }[] = [
  { id: 'polaris', label: 'Best practices (Polaris)' },
  { id: 'pss-baseline', label: 'Pod Security: baseline' },
  { id: 'pss-restricted', label: 'Pod Security: restricted' },
  { id: 'health', label: 'Cluster health' },
];

const FIELDS: { key: keyof ExemptionDraft; label: string; hint: string }[] = [
  { key: 'checks', label: 'Checks', hint: 'ids, comma-separated; empty = every check' },
  { key: 'namespaces', label: 'Namespaces', hint: 'e.g. kube-system' },
  { key: 'kinds', label: 'Kinds', hint: 'e.g. DaemonSet' },
  { key: 'names', label: 'Names', hint: 'object names' },
  { key: 'labels', label: 'Labels', hint: 'app=web, tier (any value)' },
  { key: 'annotations', label: 'Annotations', hint: 'key=value' },
  { key: 'reason', label: 'Reason', hint: 'why (shown in this list)' },
];

/** Check settings per scope: check sets, checks off, severity overrides, exemptions. */
export function SettingsView({ scope: key, lists }: { scope: string; lists: ScopeLists }) {
  const initial = scopeFromKey(key);
  const [draft, setDraft] = useState<ScopeDraft>(initial ? draftOfScope(initial) : emptyScopeDraft());
  const [checks, setChecks] = useState<CheckInfo[]>([]);
  // the configuration shown belongs to one scope key: another pick shows nothing until it loads
  const [loaded, setLoaded] = useState<{ key: string; config: ScopeConfig; dirty: boolean } | null>(null);
  const [ex, setEx] = useState<ExemptionDraft>(emptyExemption());
  const [exErrors, setExErrors] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const notice = useNoticeStore((s) => s.show);
  const picked = scopeOfDraft(draft);
  const pickedKey = 'scope' in picked ? scopeKey(picked.scope) : '';

  useEffect(() => {
    call('inspections.checks', {}).then(setChecks, (e: unknown) => setError(messageOf(e)));
  }, []);
  const config = loaded?.key === pickedKey ? loaded.config : null;
  const dirty = loaded?.key === pickedKey && loaded.dirty;
  useEffect(() => {
    const scope = scopeFromKey(pickedKey);
    if (!scope) return;
    let stale = false;
    call('inspections.config.get', { scope }).then(
      (c) => !stale && setLoaded({ key: pickedKey, config: c, dirty: false }),
      (e: unknown) => !stale && setError(messageOf(e)),
    );
    return () => {
      stale = true;
    };
  }, [pickedKey]);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return checks.filter(
      (c) => !needle || c.id.toLowerCase().includes(needle) || c.title.toLowerCase().includes(needle),
    );
  }, [checks, filter]);

  const change = (next: ScopeConfig) => setLoaded({ key: pickedKey, config: next, dirty: true });
  const save = () => {
    const scope = scopeFromKey(pickedKey);
    if (!scope || !config) return;
    call('inspections.config.set', { scope, config }).then(
      (c) => {
        setLoaded({ key: pickedKey, config: c, dirty: false });
        notice('Check settings saved; they apply from the next run.');
      },
      (e: unknown) => setError(messageOf(e)),
    );
  };
  const setCheck = (
    id: string,
    patch: { enabled?: boolean; severity?: InspectionSeverity | '' },
    base: CheckInfo,
  ) => {
    if (!config) return;
    const current = { ...config.checks[id] };
    if (patch.enabled !== undefined) {
      if (patch.enabled) delete current.enabled;
      else current.enabled = false;
    }
    if (patch.severity !== undefined) {
      if (patch.severity === '' || patch.severity === base.severity) delete current.severity;
      else current.severity = patch.severity;
    }
    const checksNext = { ...config.checks };
    if (Object.keys(current).length === 0) delete checksNext[id];
    else checksNext[id] = current;
    change({ ...config, checks: checksNext });
  };
  const addExemption = () => {
    if (!config) return;
    const r = exemptionOf(ex);
    if ('errors' in r) return setExErrors(r.errors);
    setExErrors([]);
    setEx(emptyExemption());
    change({ ...config, exemptions: [...config.exemptions, r.exemption] });
  };

  return (
    <div className="in-settings">
      <div className="in-form-row">
        <ScopePicker draft={draft} onChange={setDraft} lists={lists} />
        <Button
          variant="primary"
          onClick={save}
          disabledReason={!config ? 'Pick a scope' : !dirty ? 'Nothing has changed' : undefined}
        >
          Save settings
        </Button>
        {pickedKey ? <a href={inspectionsHref.history(pickedKey)}>History of this scope</a> : null}
      </div>
      {'problem' in picked ? <p className="in-muted">{picked.problem}.</p> : null}
      {error ? <p className="form-error">{error}</p> : null}
      {config ? (
        <>
          <section aria-labelledby="sets-heading" className="in-card">
            <h3 id="sets-heading">Check sets</h3>
            <div className="in-form-row">
              {SETS.map((s) => (
                <label key={s.id} className="in-check">
                  <input
                    type="checkbox"
                    checked={config.sets.includes(s.id)}
                    disabled={config.sets.length === 1 && config.sets.includes(s.id)}
                    onChange={(e) =>
                      change({
                        ...config,
                        sets: e.target.checked
                          ? [...config.sets, s.id]
                          : config.sets.filter((x) => x !== s.id),
                      })
                    }
                  />
                  {s.label}
                </label>
              ))}
              <label className="in-check">
                <input
                  type="checkbox"
                  checked={config.polarisAnnotations}
                  onChange={(e) => change({ ...config, polarisAnnotations: e.target.checked })}
                />
                Honour polaris.fairwinds.com exemption annotations
              </label>
            </div>
          </section>
          <section aria-labelledby="exemptions-heading" className="in-card">
            <h3 id="exemptions-heading">Exemptions</h3>
            {config.exemptions.length === 0 ? <p className="in-muted">No exemptions.</p> : null}
            <ul className="in-exemptions" data-testid="exemptions">
              {config.exemptions.map((e, i) => (
                <li key={i}>
                  {describeExemption(e)}
                  {e.reason ? <span className="in-muted"> — {e.reason}</span> : null}{' '}
                  <button
                    type="button"
                    className="in-linklike"
                    onClick={() =>
                      change({ ...config, exemptions: config.exemptions.filter((_, j) => j !== i) })
                    }
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
            <div className="in-form-row">
              {FIELDS.map((f) => (
                <label key={f.key}>
                  {f.label}
                  <input
                    value={ex[f.key]}
                    placeholder={f.hint}
                    onChange={(e) => setEx({ ...ex, [f.key]: e.target.value })}
                  />
                </label>
              ))}
              <Button onClick={addExemption}>Add exemption</Button>
            </div>
            {exErrors.map((m) => (
              <p key={m} className="form-error">
                {m}
              </p>
            ))}
          </section>
          <section aria-labelledby="checks-heading" className="in-card">
            <div className="in-toolbar">
              <h3 id="checks-heading">Checks</h3>
              <span className="in-spacer" />
              <label>
                <span className="visually-hidden">Find a check</span>
                <input
                  type="search"
                  placeholder="Find a check"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                />
              </label>
            </div>
            <table className="table in-table" aria-label="Checks" data-testid="checks-table">
              <thead>
                <tr>
                  <th scope="col">On</th>
                  <th scope="col">Check</th>
                  <th scope="col">Set</th>
                  <th scope="col">Category</th>
                  <th scope="col">Severity</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => {
                  const o = config.checks[c.id] ?? {};
                  return (
                    <tr key={c.id} data-check={c.id} className={o.enabled === false ? 'in-off' : undefined}>
                      <td>
                        <input
                          type="checkbox"
                          checked={o.enabled !== false}
                          aria-label={`Run ${c.title}`}
                          onChange={(e) => setCheck(c.id, { enabled: e.target.checked }, c)}
                        />
                      </td>
                      <td title={c.remediation}>
                        {c.title} <span className="in-muted in-mono">{c.id}</span>
                      </td>
                      <td>{c.set}</td>
                      <td>{c.category}</td>
                      <td>
                        <select
                          value={o.severity ?? c.severity}
                          aria-label={`Severity of ${c.title}`}
                          onChange={(e) =>
                            setCheck(c.id, { severity: e.target.value as InspectionSeverity }, c)
                          }
                        >
                          {(['danger', 'warning', 'info'] as const).map((s) => (
                            <option key={s} value={s}>
                              {s}
                              {s === c.severity ? ' (default)' : ''}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </div>
  );
}
