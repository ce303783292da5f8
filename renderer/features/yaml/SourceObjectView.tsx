import { useEffect, useState } from 'react';
import type { LiveObjectRef } from '../../../shared/contract/apply';
import { call, messageOf } from '../../lib/call';
import { sourceKind } from '../../stores/source-store';
import { CodeEditor } from './CodeEditor';
import { toYaml } from './yaml-text';
import './yaml.css';

/**
 * An object of a snapshot or of imported manifests as YAML, read-only (no Apply or Delete: only live
 * clusters are written to), checked against the bundled Kubernetes schema.
 */
export function SourceObjectView({
  objectRef,
  source,
  highlight,
}: {
  objectRef: LiveObjectRef;
  source: string;
  highlight?: string;
}) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([source, objectRef]);

  useEffect(() => {
    let live = true;
    const ref = JSON.parse(key)[1] as LiveObjectRef;
    call('objects.get', { ...ref, source })
      .then((row) => {
        const object = structuredClone(row.object) as { metadata?: Record<string, unknown> };
        if (object.metadata) delete object.metadata.managedFields;
        if (live) setText(toYaml(object));
      })
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [key, source]);

  const what = sourceKind(source) === 'snapshot' ? 'a snapshot' : 'imported manifests';
  return (
    <div className="yaml-editor">
      <p className="yaml-banner" role="note">
        Read-only: this object comes from {what}. Switch to the live fleet to edit, apply or delete it.
      </p>
      {error ? <p className="yaml-error">The object could not be read: {error}</p> : null}
      {text === null && !error ? <p className="yaml-muted">Reading the object…</p> : null}
      {text !== null ? (
        <CodeEditor
          value={text}
          onChange={() => {}}
          readOnly
          label={`YAML of ${objectRef.kind} ${objectRef.name}`}
          highlight={highlight}
        />
      ) : null}
    </div>
  );
}
