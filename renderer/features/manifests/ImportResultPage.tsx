import { useState } from 'react';
import type { ImportResult } from '../../../shared/contract/sources';
import { Button } from '../../components/Button';
import { hrefFor } from '../../app/router';
import { useSourceStore } from '../../stores/source-store';
import { ApplyDialog } from './ApplyDialog';
import { ExportDialog } from './ExportDialog';
import { importSummary, inventoryGrid, issuePlace, namespaceLabel } from './import-text';

/**
 * What an import brought in: the inventory (kinds × namespaces), every problem with its file, line
 * and column, and what to do next — browse it as a cluster, apply it to a live cluster, export it.
 */
export function ImportResultPage({ result, onClose }: { result: ImportResult; onClose(): void }) {
  const [dialog, setDialog] = useState<'apply' | 'export' | null>(null);
  const grid = inventoryGrid(result.inventory);
  const browse = () => {
    useSourceStore.getState().setSource(result.source.id);
    onClose();
    window.location.hash = hrefFor('workloads');
  };
  const empty = result.source.objects === 0;
  return (
    <div className="fl-import" role="dialog" aria-modal="true" aria-labelledby="import-title">
      <header className="page-header">
        <div className="page-header-text">
          <h1 id="import-title" tabIndex={-1}>
            Imported {result.source.label}
          </h1>
          <p className="page-description">{importSummary(result)}</p>
        </div>
        <div className="page-actions">
          <Button
            variant="primary"
            onClick={browse}
            disabledReason={empty ? 'Nothing was imported.' : undefined}
          >
            Browse
          </Button>
          <Button
            onClick={() => setDialog('apply')}
            disabledReason={empty ? 'Nothing was imported.' : undefined}
          >
            Apply to cluster…
          </Button>
          <Button
            onClick={() => setDialog('export')}
            disabledReason={empty ? 'Nothing was imported.' : undefined}
          >
            Export…
          </Button>
          <Button onClick={onClose}>Close</Button>
        </div>
      </header>
      <div className="page-content">
        <p className="fl-muted">
          The objects are a read-only virtual cluster named <strong>{result.source.label}</strong>: Browse
          shows it in every view, like a live cluster.
        </p>
        {grid.rows.length ? (
          <section aria-labelledby="import-inventory">
            <h2 id="import-inventory" className="fl-section-title">
              Inventory
            </h2>
            <div className="fl-import-scroll">
              <table className="table fl-import-grid">
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    {grid.namespaces.map((ns) => (
                      <th key={ns} scope="col" className="num">
                        {namespaceLabel(ns)}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      Total
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {grid.rows.map((r) => (
                    <tr key={r.kind}>
                      <th scope="row">{r.kind}</th>
                      {grid.namespaces.map((ns) => (
                        <td key={ns} className="num">
                          {r.counts[ns] ?? ''}
                        </td>
                      ))}
                      <td className="num">
                        <strong>{r.total}</strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">All kinds</th>
                    {grid.namespaces.map((ns) => (
                      <td key={ns} className="num">
                        {grid.totals[ns]}
                      </td>
                    ))}
                    <td className="num">
                      <strong>{result.source.objects}</strong>
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </section>
        ) : (
          <p role="status">No Kubernetes objects were found in what was dropped.</p>
        )}
        <section aria-labelledby="import-issues">
          <h2 id="import-issues" className="fl-section-title">
            Problems <span className="fl-muted">({result.issues.length})</span>
          </h2>
          {result.issues.length ? (
            <ul className="fl-import-issues">
              {result.issues.map((i, n) => (
                <li key={n} className={`fl-import-issue is-${i.level}`}>
                  <span className="fl-import-level">{i.level}</span>
                  <code className="fl-import-place">{issuePlace(i)}</code>
                  <span>{i.message}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="fl-muted">Every document was read without a problem.</p>
          )}
        </section>
      </div>
      {dialog === 'apply' ? <ApplyDialog source={result.source} onClose={() => setDialog(null)} /> : null}
      {dialog === 'export' ? (
        <ExportDialog
          title={`Export ${result.source.label}`}
          fileName={result.source.label}
          targets={{ source: result.source.id }}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
