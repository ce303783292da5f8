import type { ContextView, GroupRow, Verification } from '../../../shared/contract/fleet';
import { Button } from '../../components/Button';
import { useAttachStore, type Draft } from './attach-store';

function VerifyResult({ v }: { v: Verification | 'pending' | undefined }) {
  if (!v) return null;
  if (v === 'pending') return <p className="fl-verify fl-muted">Verifying…</p>;
  return (
    <div
      className={`fl-verify ${v.reachable && v.state === 'ready' ? 'fl-ok' : 'fl-bad'}`}
      data-testid="verify-result"
    >
      <p>
        <strong>{v.reachable ? (v.version ?? 'Reachable') : 'Not connected'}</strong> · {v.message}{' '}
        <span className="fl-muted">({v.elapsedMs} ms)</span>
      </p>
      {v.permissions.length > 0 ? (
        <ul className="fl-perms">
          {v.permissions.map((p) => (
            <li key={`${p.verb} ${p.resource}`} className={p.allowed ? 'fl-ok' : 'fl-bad'}>
              {p.allowed ? '✔' : '✖'} {p.action}{' '}
              <span className="fl-muted">
                ({p.verb} {p.group ? `${p.group}/` : ''}
                {p.resource})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One context of the kubeconfig: what it is, what is wrong, and how it will be attached. */
export function ContextCard({
  context: c,
  draft,
  groups,
  problem,
  verification,
}: {
  context: ContextView;
  draft: Draft;
  groups: GroupRow[];
  problem: string | null;
  verification: Verification | 'pending' | undefined;
}) {
  const { edit, approve, verify } = useAttachStore.getState();
  const errors = c.problems.filter((p) => p.severity === 'error');
  const warnings = c.problems.filter((p) => p.severity === 'warning');
  const cmd = c.credentialCommand;
  const needsApproval = !!cmd && !cmd.approved;
  const blocked = !c.ok || needsApproval;
  const id = `ctx-${c.key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  return (
    <section
      className={`fl-context${c.ok ? '' : ' fl-context-broken'}`}
      aria-labelledby={id}
      data-context={c.key}
    >
      <header className="fl-context-head">
        <label className="fl-context-pick">
          <input
            type="checkbox"
            checked={draft.selected}
            disabled={blocked}
            onChange={(e) => edit(c.key, { selected: e.target.checked })}
            aria-label={`Attach ${c.key}`}
          />
          <span id={id} className="fl-context-name">
            {c.key}
          </span>
        </label>
        <span className="fl-muted fl-mono">{c.server ?? 'no server'}</span>
        <span className="fl-chip">{c.authKind}</span>
        {c.namespace ? <span className="fl-chip">ns: {c.namespace}</span> : null}
        {c.insecureSkipTlsVerify ? <span className="fl-chip fl-warn">TLS not verified</span> : null}
      </header>
      {c.attachedAs ? (
        <p className="fl-muted">
          Already attached as{' '}
          <a href={`#/clusters/${encodeURIComponent(c.attachedAs.id)}`}>{c.attachedAs.name}</a>.
        </p>
      ) : null}
      {errors.length + warnings.length > 0 ? (
        <ul className="fl-problems">
          {[...errors, ...warnings].map((p, i) => (
            <li key={i} className={p.severity === 'error' ? 'fl-bad' : 'fl-warn'}>
              {p.severity === 'error' ? '✖' : '⚠'} {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {cmd ? (
        <div className={`fl-command${cmd.approved ? ' fl-approved' : ''}`}>
          <p>
            {cmd.approved
              ? 'This context runs a credential command you approved:'
              : 'To connect, Flotilla would run this command on your machine. It runs only after you approve it:'}
          </p>
          <pre data-testid="command-line">{cmd.commandLine}</pre>
          {cmd.installHint ? <p className="fl-muted">{cmd.installHint}</p> : null}
          {needsApproval ? (
            <Button variant="primary" onClick={() => void approve(c.key)}>
              Approve this command
            </Button>
          ) : null}
        </div>
      ) : null}
      {c.ok ? (
        <div className="fl-context-form">
          <label className="fl-field">
            <span>Cluster name</span>
            <input
              value={draft.name}
              onChange={(e) => edit(c.key, { name: e.target.value })}
              aria-label={`Name for ${c.key}`}
            />
          </label>
          <label className="fl-field">
            <span>Cluster group</span>
            <select
              value={draft.groupId}
              onChange={(e) => edit(c.key, { groupId: e.target.value })}
              aria-label={`Group for ${c.key}`}
            >
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
          <label className="fl-field fl-wide">
            <span>Description</span>
            <input value={draft.description} onChange={(e) => edit(c.key, { description: e.target.value })} />
          </label>
          <label className="fl-field fl-wide">
            <span>Labels (key: value, …)</span>
            <input
              value={draft.labelsText}
              placeholder="env: prod, owner: team-a"
              onChange={(e) => edit(c.key, { labelsText: e.target.value })}
              aria-label={`Labels for ${c.key}`}
            />
          </label>
          {draft.selected && problem ? <p className="form-error fl-wide">{problem}</p> : null}
          <div className="fl-wide">
            <Button
              onClick={() => void verify(c.key)}
              disabledReason={needsApproval ? 'Approve the credential command first.' : undefined}
            >
              Verify connection
            </Button>
            <VerifyResult v={verification} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
