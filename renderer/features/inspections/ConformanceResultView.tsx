import { useEffect, useState } from 'react';
import type { ConformanceResult } from '../../../shared/contract/inspections';
import { Button } from '../../components/Button';
import { call, messageOf, useEvent } from '../../lib/call';
import { tally, testTree } from './conformance-tree';
import { when } from './format';
import { inspectionsHref } from './route';

/** One Sonobuoy result: plugins, then each plugin's pass/fail/skip tree with failure messages. */
export function ConformanceResultView({ id }: { id: string }) {
  const [result, setResult] = useState<ConformanceResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [plugin, setPlugin] = useState(0);
  const [filter, setFilter] = useState('');
  const [note, setNote] = useState('');
  const load = () => call('conformance.get', { id }).then(setResult, (e: unknown) => setError(messageOf(e)));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void load(), [id]);
  useEvent('conformance.progress', (p) => p.id === id && setNote(p.message));
  useEvent('conformance.finished', (p) => p.id === id && void load());

  if (error) return <p className="form-error">{error}</p>;
  if (!result) return <p className="in-muted">Loading the result…</p>;
  const p = result.plugins[plugin];
  const tree = p ? testTree(p.tests, filter) : [];
  return (
    <div className="in-conf-result" data-testid="conformance-result">
      <div className="in-toolbar">
        <h2 className="in-title">{result.cluster ?? result.id}</h2>
        <span className="in-muted">
          {result.origin === 'import' ? 'Imported' : 'Sonobuoy run'} · {result.status} ·{' '}
          {when(result.startedAt)}
        </span>
        <span className="in-spacer" />
        <Button href={inspectionsHref.conformance()}>All results</Button>
      </div>
      {result.status === 'running' ? <p role="status">{note || 'Sonobuoy is running…'}</p> : null}
      {result.message ? (
        <p className={result.status === 'failed' ? 'in-bad' : 'in-muted'}>{result.message}</p>
      ) : null}
      {result.plugins.length === 0 ? (
        <p className="in-muted">No plugin results in this tarball.</p>
      ) : (
        <>
          <nav className="in-tabs" aria-label="Plugins">
            {result.plugins.map((x, i) => (
              <button
                key={x.name}
                type="button"
                className={`in-tab${i === plugin ? ' in-tab-on' : ''}`}
                aria-pressed={i === plugin}
                onClick={() => setPlugin(i)}
              >
                {x.name} <span className={x.failed > 0 ? 'in-bad' : 'in-ok'}>({x.status})</span>
              </button>
            ))}
          </nav>
          {p ? (
            <>
              <p data-testid="plugin-tally">
                {tally(p)}
                {p.tests.length < p.passed + p.failed + p.skipped ? (
                  <span className="in-muted">
                    {' '}
                    (showing the first {p.tests.length.toLocaleString('en-US')} tests)
                  </span>
                ) : null}
              </p>
              <label>
                <span className="visually-hidden">Find a test</span>
                <input
                  type="search"
                  placeholder="Find a test or message"
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                />
              </label>
              <div className="in-tree" aria-label={`Tests of ${p.name}`}>
                {tree.map((s) => (
                  <details key={s.status} open={s.status === 'failed'}>
                    <summary>
                      <span className={`in-test-${s.status}`}>{s.status}</span> (
                      {s.count.toLocaleString('en-US')})
                    </summary>
                    {s.areas.map((a) => (
                      <details key={a.area} open={s.status === 'failed'} className="in-tree-area">
                        <summary>
                          {a.area} ({a.tests.length})
                        </summary>
                        <ul>
                          {a.tests.map((t) => (
                            <li key={t.name} data-test-status={t.status}>
                              {t.name}
                              {t.durationSeconds !== undefined ? (
                                <span className="in-muted"> · {t.durationSeconds.toFixed(1)} s</span>
                              ) : null}
                              {t.message ? <pre className="in-failure">{t.message}</pre> : null}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ))}
                  </details>
                ))}
                {tree.length === 0 ? <p className="in-muted">No test matches.</p> : null}
              </div>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
