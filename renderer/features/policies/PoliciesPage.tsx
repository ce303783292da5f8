import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

const kinds: [string, string][] = [
  ['Access', 'Who may do what, as role bindings on every cluster'],
  ['Image registry', 'Which registries pods may pull images from'],
  ['Network', 'Default ingress and egress for namespaces and pods'],
  ['Pod security', 'No privileged pods, host mounts or root file systems'],
];

export function PoliciesPage() {
  return (
    <Page
      title="Policies"
      description="Access, image registry, network and pod security policies, inherited down the fleet."
    >
      <EmptyState
        icon="policies"
        title="No policies yet"
        actions={
          <>
            <Button href={hrefFor('cluster-groups')}>Go to Cluster groups</Button>
            <Button href={hrefFor('workspaces')}>Go to Workspaces</Button>
          </>
        }
      >
        <p>
          A policy set on a cluster group applies to all of its clusters; one set on a workspace applies to
          all of its namespaces, on whichever cluster they run.
        </p>
        <ul className="kinds">
          {kinds.map(([name, text]) => (
            <li key={name}>
              <strong>{name}</strong>
              {text}
            </li>
          ))}
        </ul>
        <p>Create a cluster group or a workspace first, to give your policies somewhere to apply.</p>
      </EmptyState>
    </Page>
  );
}
