import { useCallback, useEffect, useState, type DragEvent } from 'react';
import type { CallOutput } from '../../../shared/contract';
import type { ConformanceResult } from '../../../shared/contract/inspections';
import { call, messageOf, useEvent } from '../../lib/call';
import { tally } from './conformance-tree';
import { ConformanceResultView } from './ConformanceResultView';
import { when } from './format';
import { inspectionsHref } from './route';

type Listed = CallOutput<'conformance.list'>[number];

/** Reads a file as base64 (the bytes cross to main in the call, in both shells). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`${file.name}: ${reader.error?.message ?? 'could not be read'}`));
    reader.readAsDataURL(file);
  });
}

/** Sonobuoy results: import a tarball (file picker or drop), the list of results, one result's tree. */
export function ConformanceView({ id }: { id?: string }) {
  const [list, setList] = useState<Listed[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const load = useCallback(() => {
    call('conformance.list', {}).then(setList, (e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(load, [load]);
  useEvent('conformance.finished', load);

  const importFile = (file: File) => {
    setBusy(file.name);
    setError(null);
    base64Of(file)
      .then((dataBase64) => call('conformance.import', { name: file.name, dataBase64 }))
      .then((r: ConformanceResult) => {
        load();
        window.location.hash = inspectionsHref.conformance(r.id);
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(null));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) importFile(file);
  };

  if (id) return <ConformanceResultView id={id} />;
  return (
    <div className="in-conformance">
      <div
        className={`in-drop${over ? ' in-drop-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="conformance-drop"
      >
        <p>
          Drop a Sonobuoy results tarball here (the <code>.tar.gz</code> that <code>sonobuoy retrieve</code>{' '}
          writes), or{' '}
          <label className="in-linklike">
            choose a file
            <input
              type="file"
              accept=".tar.gz,.tgz,application/gzip"
              className="visually-hidden"
              aria-label="Sonobuoy results tarball"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) importFile(file);
                e.target.value = '';
              }}
            />
          </label>
          .
        </p>
        {busy ? <p role="status">Importing {busy}…</p> : null}
        {error ? <p className="form-error">{error}</p> : null}
      </div>
      {!list ? (
        <p className="in-muted">Loading results…</p>
      ) : list.length === 0 ? (
        <p className="in-muted">No conformance results yet.</p>
      ) : (
        <table className="table in-table" aria-label="Conformance results" data-testid="conformance-table">
          <thead>
            <tr>
              <th scope="col">Result</th>
              <th scope="col">Origin</th>
              <th scope="col">Status</th>
              <th scope="col">Tests</th>
              <th scope="col">Started</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={inspectionsHref.conformance(r.id)}>{r.cluster ?? r.id}</a>
                </td>
                <td>{r.origin === 'import' ? 'Imported' : `Run (${r.mode ?? 'quick'})`}</td>
                <td>{r.status}</td>
                <td>
                  <span className={r.failed > 0 ? 'in-bad' : undefined}>{tally(r)}</span>
                </td>
                <td>{when(r.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
