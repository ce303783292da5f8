import { useState } from 'react';
import { Button } from '../../components/Button';
import { call, messageOf } from '../../lib/call';
import { downloadText, fileNameOf } from './download';
import { groupByNamespace } from './export-files';

export interface ExportRef {
  cluster: string;
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

/** What to export: a whole source, a workspace, (cluster, namespace) pairs, or chosen objects. */
export interface ExportTargets {
  source: string;
  workspace?: string;
  pairs?: ReadonlyArray<{ cluster: string; namespace: string }>;
  clusters?: string[];
  /** A selection (e.g. what a filtered list shows), read when the export runs. */
  refs?: () => Promise<ExportRef[]>;
}

interface Exported {
  objects: number;
  files: Array<{ name: string; text: string; objects: number }>;
}

/** Runs 'export.yaml' for the targets: one call per cluster when namespaces are picked per cluster. */
async function runExport(t: ExportTargets, layout: 'file' | 'folder', base: string): Promise<Exported> {
  const calls = t.refs
    ? [{ source: t.source, refs: await t.refs() }]
    : t.pairs?.length
      ? [...new Set(t.pairs.map((p) => p.cluster))].map((cluster) => ({
          source: t.source,
          clusters: [cluster],
          namespaces: t.pairs!.filter((p) => p.cluster === cluster).map((p) => p.namespace),
        }))
      : [{ source: t.source, workspace: t.workspace, clusters: t.clusters }];
  const results = await Promise.all(calls.map((input) => call('export.yaml', { ...input, layout })));
  const objects = results.reduce((n, r) => n + r.objects, 0);
  if (layout === 'file') {
    const text = results
      .map((r) => r.files.map((f) => f.text).join('---\n'))
      .filter(Boolean)
      .join('---\n');
    return { objects, files: [{ name: `${fileNameOf(base)}.yaml`, text, objects }] };
  }
  return { objects, files: groupByNamespace(results.flatMap((r) => r.files)) };
}

/**
 * "Export…": clean YAML (no status, uid, resourceVersion, managedFields or cluster-assigned fields;
 * no objects the cluster makes by itself) as one file or one file per namespace, downloaded.
 */
export function ExportDialog({
  title,
  fileName,
  targets,
  onClose,
}: {
  title: string;
  fileName: string;
  targets: ExportTargets;
  onClose(): void;
}) {
  const [layout, setLayout] = useState<'file' | 'folder'>('file');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Exported | null>(null);
  const go = async () => {
    setBusy(true);
    setError(null);
    try {
      const out = await runExport(targets, layout, fileName);
      setDone(out);
      if (out.files.length === 1 && out.objects > 0) downloadText(out.files[0]!.name, out.files[0]!.text);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="fl-overlay" role="presentation" onClick={onClose}>
      <div
        className="fl-dialog fl-dialog-wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <h2 id="export-title">{title}</h2>
        <p>
          Clean YAML, ready to apply to another cluster: status, uid, resourceVersion, managedFields,
          timestamps and what the cluster assigned (Service IPs, bound volumes) are removed, and objects
          controllers make on their own (pods, replica sets, endpoints, events) are left out.
        </p>
        <fieldset className="fl-export-layout">
          <legend>Layout</legend>
          <label>
            <input
              type="radio"
              name="layout"
              checked={layout === 'file'}
              onChange={() => setLayout('file')}
            />{' '}
            One file
          </label>
          <label>
            <input
              type="radio"
              name="layout"
              checked={layout === 'folder'}
              onChange={() => setLayout('folder')}
            />{' '}
            One file per namespace
          </label>
        </fieldset>
        {busy ? <p role="status">Exporting…</p> : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {done ? (
          <div role="status">
            <p>
              {done.objects === 0
                ? 'Nothing to export: no objects matched.'
                : `${done.objects} object${done.objects === 1 ? '' : 's'} exported${done.files.length === 1 ? ' and downloaded' : ''}.`}
            </p>
            {done.objects > 0 ? (
              <ul className="fl-export-files">
                {done.files.map((f) => (
                  <li key={f.name}>
                    <button
                      type="button"
                      className="btn btn-secondary"
                      onClick={() => downloadText(f.name, f.text)}
                    >
                      Download {f.name}
                    </button>{' '}
                    <span className="fl-muted">
                      {f.objects} object{f.objects === 1 ? '' : 's'}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {done.files.length === 1 && done.objects > 0 ? (
              <pre className="fl-export-preview" aria-label="Exported YAML">
                {done.files[0]!.text.split('\n').slice(0, 60).join('\n')}
              </pre>
            ) : null}
          </div>
        ) : null}
        <div className="fl-dialog-actions">
          <Button onClick={onClose}>{done ? 'Done' : 'Cancel'}</Button>
          <Button
            variant="primary"
            onClick={() => void go()}
            disabledReason={busy ? 'Exporting…' : undefined}
          >
            Export
          </Button>
        </div>
      </div>
    </div>
  );
}
