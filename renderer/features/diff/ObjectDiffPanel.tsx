import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import type { DiffChange } from '../../../shared/contract/sources';
import { call, messageOf } from '../../lib/call';
import { DiffView } from '../yaml/DiffView';
import { namespaceText } from './diff-model';

type ObjectDiff = CallOutput<'snapshots.diffObject'>;

const LONG = 160;
const full = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
/** A field's value in one cell: long ones cut (the YAML diff below has them whole). */
const show = (v: unknown): string => {
  const text = full(v);
  return text.length > LONG ? `${text.slice(0, LONG)}…` : text;
};

/** One object in A and in B: the changed fields, and both YAML texts side by side (Monaco's diff editor). */
export function ObjectDiffPanel({
  a,
  b,
  change,
  showNoise,
  labels,
}: {
  a: string;
  b: string;
  change: DiffChange;
  showNoise: boolean;
  labels: { a: string; b: string };
}) {
  const [diff, setDiff] = useState<{ key: string; value: ObjectDiff | null; error: string | null } | null>(
    null,
  );
  const { cluster, group, kind, namespace, name } = change;
  const key = JSON.stringify([a, b, cluster, group, kind, namespace, name, showNoise]);
  useEffect(() => {
    let current = true;
    call('snapshots.diffObject', { a, b, cluster, group, kind, namespace, name, showNoise }).then(
      (value) => current && setDiff({ key, value, error: null }),
      (e: unknown) => current && setDiff({ key, value: null, error: messageOf(e) }),
    );
    return () => {
      current = false;
    };
  }, [a, b, cluster, group, kind, namespace, name, showNoise, key]);
  const mine = diff?.key === key ? diff : null;
  const title = `${kind} ${namespace ? `${namespace}/` : ''}${name}`;
  return (
    <section className="diff-object" aria-label={`Differences of ${title}`} data-testid="diff-object">
      <h2 className="diff-object-title">
        <span className={`diff-badge diff-badge-${change.change}`}>{change.change}</span> {title}{' '}
        <span className="fl-muted">
          on {cluster} · {namespaceText(namespace)}
        </span>
      </h2>
      {!mine ? <p className="fl-muted">Loading…</p> : null}
      {mine?.error ? (
        <p className="form-error" role="alert">
          {mine.error}
        </p>
      ) : null}
      {mine?.value ? (
        <>
          {change.change === 'changed' && mine.value.fields.length > 0 ? (
            <table className="table diff-fields" aria-label="Changed fields">
              <thead>
                <tr>
                  <th>Field</th>
                  <th>{labels.a}</th>
                  <th>{labels.b}</th>
                </tr>
              </thead>
              <tbody>
                {mine.value.fields.slice(0, 200).map((f) => (
                  <tr key={f.path}>
                    <td className="fl-mono">{f.path}</td>
                    <td className="fl-mono diff-before" title={full(f.before)}>
                      {show(f.before)}
                    </td>
                    <td className="fl-mono diff-after" title={full(f.after)}>
                      {show(f.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p className="diff-sides fl-muted">
            <span>Left: {labels.a}</span>
            <span>Right: {labels.b}</span>
          </p>
          <div className="diff-editor">
            <DiffView
              original={mine.value.before}
              modified={mine.value.after}
              label={`${title}: ${labels.a} (left) against ${labels.b} (right)`}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
