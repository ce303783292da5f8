import type { Step } from './use-apply-flow';
import { onCluster } from './on-cluster';
import { failureOf } from './yaml-api';

/**
 * What the dry run and the apply said: the API's message and causes, or what changed. A failure's
 * message starts with the cluster's name (unless main already put it there).
 */
export function StepList({ steps, cluster }: { steps: Step[]; cluster: string }) {
  if (steps.length === 0) return null;
  return (
    <ol className="yaml-steps" aria-label="Apply progress" aria-live="polite">
      {steps.map((step, i) => (
        <li key={i} className="yaml-step" data-outcome={step.kind === 'failed' ? 'error' : 'ok'}>
          <StepText step={step} cluster={cluster} />
        </li>
      ))}
    </ol>
  );
}

function StepText({ step, cluster }: { step: Step; cluster: string }) {
  if (step.kind === 'dry-run-ok') {
    return <span>Server-side dry run accepted the change{step.force ? ' (forced)' : ''}.</span>;
  }
  if (step.kind === 'applied') {
    return (
      <span>
        Applied as field manager <code>flotilla</code>
        {step.force ? ' with force' : ''}: resourceVersion {step.result.resourceVersion}.
      </span>
    );
  }
  const d = failureOf(step.error);
  const title =
    d?.conflict === 'resourceVersion'
      ? 'Conflict: the object changed on the cluster after you opened it.'
      : d?.conflict === 'fields'
        ? 'Conflict: other field managers own fields you changed.'
        : `The ${step.stage} failed.`;
  return (
    <div>
      <strong>{title}</strong>
      <p className="yaml-step-message">
        {onCluster(
          cluster,
          `${d?.status ? `HTTP ${d.status}${d.reason ? ` ${d.reason}` : ''}: ` : ''}${step.error.message}`,
        )}
      </p>
      {d && d.causes.length > 0 ? (
        <ul className="yaml-causes">
          {d.causes.map((c, i) => (
            <li key={i}>
              {c.field ? <code>{c.field}</code> : null} {c.message}
              {c.reason ? ` (${c.reason})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
