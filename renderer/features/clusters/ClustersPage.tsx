import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { Page } from '../../components/Page';
import { notInThisBuild } from '../unavailable';

const attachReason = notInThisBuild('Attaching clusters from a kubeconfig');

export function ClustersPage() {
  return (
    <Page
      title="Clusters"
      description="Every cluster in your fleet, live or from a snapshot."
      actions={
        <Button variant="primary" disabledReason={attachReason}>
          Attach cluster
        </Button>
      }
    >
      <EmptyState
        icon="clusters"
        title="No clusters attached yet"
        actions={
          <>
            <Button variant="primary" disabledReason={attachReason}>
              Attach from kubeconfig
            </Button>
            <Button disabledReason={attachReason}>Paste kubeconfig</Button>
          </>
        }
        note={attachReason}
      >
        <p>
          Attach one from a kubeconfig (drop a file here, paste, or pick <code>~/.kube/config</code>) or start
          the demo fleet.
        </p>
        <ul className="empty-steps">
          <li>
            <Icon name="upload" />
            <span>
              <strong>Kubeconfig</strong> — choose the contexts to attach and give each cluster a name, labels
              and a cluster group. Credentials stay on this machine.
            </span>
          </li>
          <li>
            <Icon name="terminal" />
            <span>
              <strong>Demo fleet</strong> — run <code>npm run demo</code> to start Flotilla with simulated
              clusters running sample applications.
            </span>
          </li>
        </ul>
      </EmptyState>
    </Page>
  );
}
