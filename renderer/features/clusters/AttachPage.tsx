import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { draftProblem, inspectFiles, SYSTEM_ORIGIN, useAttachStore } from './attach-store';
import { ContextCard } from './ContextCard';
import { useEvent } from '../../lib/call';
import { useGroups } from './use-groups';

/** Attach clusters from kubeconfigs: files (picker or drop), pasted text, or the machine's own kubeconfig. */
export function AttachPage() {
  const s = useAttachStore();
  const { groups } = useGroups();
  const [paste, setPaste] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  // With nothing dropped or pasted yet, start from this machine's kubeconfig (~/.kube/config or $KUBECONFIG).
  useEffect(() => {
    const state = useAttachStore.getState();
    if (!state.inspection && !state.busy) void state.loadSystem();
  }, []);
  useEvent('kubeconfig.sourcesChanged', () => {
    if (useAttachStore.getState().origin === SYSTEM_ORIGIN) void s.loadSystem();
  });

  const contexts = s.inspection?.contexts ?? [];
  const selected = contexts.filter((c) => s.drafts[c.key]?.selected);
  const names = new Map<string, number>();
  for (const c of selected) names.set(s.drafts[c.key]!.name, (names.get(s.drafts[c.key]!.name) ?? 0) + 1);
  const problems = Object.fromEntries(
    contexts.map((c) => {
      const d = s.drafts[c.key]!;
      const dup = new Set((names.get(d.name) ?? 0) > 1 ? [d.name] : []);
      return [c.key, d ? draftProblem(d, dup) : null];
    }),
  );
  const blocked = selected.some((c) => problems[c.key]);
  const attach = async () => {
    const n = await s.attach();
    if (n > 0 && useAttachStore.getState().results.every((r) => r.ok)) window.location.hash = '#/clusters';
  };
  const files =
    s.inspection && 'files' in s.inspection
      ? (s.inspection.files as Array<{ path: string; exists: boolean; error?: string }>)
      : null;

  return (
    <Page
      title="Attach clusters"
      description="Bring clusters in from kubeconfigs. Credentials stay on this machine, encrypted; the window only sees names and servers."
      actions={<Button href="#/clusters">Back to clusters</Button>}
    >
      <div className="fl-sources">
        <section className="fl-source">
          <h2>Kubeconfig files</h2>
          <p>Drop one or more files anywhere on the window, or choose them.</p>
          <input
            ref={fileInput}
            type="file"
            multiple
            className="visually-hidden"
            aria-label="Choose kubeconfig files"
            onChange={(e) => {
              const list = [...(e.target.files ?? [])];
              if (list.length) void inspectFiles(list);
              e.target.value = '';
            }}
          />
          <Button onClick={() => fileInput.current?.click()}>Choose files…</Button>
        </section>
        <section className="fl-source">
          <h2>Paste</h2>
          <textarea
            rows={4}
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            placeholder="apiVersion: v1&#10;kind: Config&#10;…"
            aria-label="Paste a kubeconfig"
            spellCheck={false}
          />
          <Button
            onClick={() => void s.inspect('pasted text', { texts: [{ label: 'pasted text', text: paste }] })}
            disabledReason={paste.trim() ? undefined : 'Paste a kubeconfig first.'}
          >
            Read pasted text
          </Button>
        </section>
        <section className="fl-source">
          <h2>This machine</h2>
          <p>
            <code>~/.kube/config</code> or the files in <code>$KUBECONFIG</code>, merged as kubectl does and
            watched for changes.
          </p>
          <Button onClick={() => void s.loadSystem()}>Load kubeconfig from this machine</Button>
        </section>
      </div>

      {s.busy ? <p className="fl-muted">Reading…</p> : null}
      {s.error ? (
        <p className="form-error" role="alert">
          {s.error}
        </p>
      ) : null}

      {s.inspection ? (
        <section className="fl-inspection" aria-label="Contexts found">
          <h2>
            {contexts.length} context{contexts.length === 1 ? '' : 's'} in {s.origin}
          </h2>
          {files ? (
            <ul className="fl-files">
              {files.map((f) => (
                <li key={f.path} className={f.error ? 'fl-bad' : f.exists ? '' : 'fl-muted'}>
                  <code>{f.path}</code> {f.error ?? (f.exists ? '' : '(does not exist)')}
                </li>
              ))}
            </ul>
          ) : null}
          {s.inspection.fileErrors.map((f, i) => (
            <p key={i} className="form-error">
              {f.message}
            </p>
          ))}
          {contexts.map((c) => (
            <ContextCard
              key={c.key}
              context={c}
              draft={s.drafts[c.key]!}
              groups={groups}
              problem={problems[c.key] ?? null}
              verification={s.verifications[c.key]}
            />
          ))}
          {s.results.some((r) => !r.ok) ? (
            <ul className="fl-problems" aria-label="Attach results">
              {s.results.map((r) => (
                <li key={r.context} className={r.ok ? 'fl-ok' : 'fl-bad'}>
                  {r.ok ? '✔' : '✖'} {r.name}: {r.ok ? 'attached' : r.message}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="fl-attach-bar">
            <Button
              variant="primary"
              onClick={() => void attach()}
              disabledReason={
                selected.length === 0
                  ? 'Pick at least one context.'
                  : blocked
                    ? 'Fix the highlighted fields first.'
                    : s.busy
                      ? 'Working…'
                      : undefined
              }
            >
              {`Attach ${selected.length} cluster${selected.length === 1 ? '' : 's'}`}
            </Button>
          </div>
        </section>
      ) : null}
    </Page>
  );
}
