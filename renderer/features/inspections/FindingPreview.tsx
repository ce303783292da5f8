import { useEffect, useState } from 'react';
import type { InspectionFinding } from '../../../shared/contract/inspections';
import { Button } from '../../components/Button';
import { call, messageOf } from '../../lib/call';
import { findFieldRange } from '../yaml/field-path';
import { toYaml } from '../yaml/yaml-text';
import { objectText } from './finding-link';

/**
 * A snapshot's or an import's object, read-only, with the finding's field highlighted (live objects
 * open in the YAML editor instead). Also the finding's message and how to fix it.
 */
export function FindingPreview({ finding, onClose }: { finding: InspectionFinding; onClose(): void }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const { source, cluster, group, version, kind, namespace, name } = finding;
    call('objects.get', { source, cluster, group, version, kind, namespace, name }).then(
      (o) => {
        const object = { ...o.object };
        const meta = object.metadata as Record<string, unknown> | undefined;
        if (meta && 'managedFields' in meta) {
          const rest = { ...meta };
          delete rest.managedFields;
          object.metadata = rest;
        }
        setText(toYaml(object));
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [finding]);
  const field = text && finding.path ? findFieldRange(text, finding.path) : undefined;
  useEffect(() => {
    if (field) document.getElementById(`in-line-${field.startLine}`)?.scrollIntoView({ block: 'center' });
  }, [field]);
  const lines = text?.split('\n') ?? [];
  return (
    <section
      className="in-preview"
      aria-label={`YAML of ${objectText(finding)}`}
      data-testid="finding-preview"
    >
      <div className="in-toolbar">
        <h3>{objectText(finding)}</h3>
        <span className="in-muted">read-only · {finding.source}</span>
        <span className="in-spacer" />
        <Button onClick={onClose}>Close</Button>
      </div>
      <p>
        <strong>{finding.title}</strong>: {finding.message}
        <br />
        <span className="in-muted">Fix: {finding.remediation}</span>
      </p>
      {error ? <p className="form-error">{error}</p> : null}
      {text === null && !error ? <p className="in-muted">Reading the object…</p> : null}
      {field && !field.exact ? (
        <p className="in-muted">
          {finding.path} is not set; highlighted where it belongs: {field.found}.
        </p>
      ) : null}
      {text !== null ? (
        <pre className="in-yaml">
          {lines.map((line, i) => {
            const n = i + 1;
            // a missing field marks the first line of where it belongs, not its whole parent
            const on = field && n >= field.startLine && n <= (field.exact ? field.endLine : field.startLine);
            return (
              <div
                key={n}
                id={`in-line-${n}`}
                className={on ? 'in-yaml-on' : undefined}
                data-highlighted={on || undefined}
              >
                <span className="in-yaml-n">{n}</span>
                {line || ' '}
              </div>
            );
          })}
        </pre>
      ) : null}
    </section>
  );
}
