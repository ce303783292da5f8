import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export function NamespacesPage() {
  return (
    <Page
      title="Namespaces"
      description="The namespaces of every attached cluster and the workspace each belongs to."
    >
      <EmptyState
        icon="namespaces"
        title="No namespaces to show"
        actions={<Button href={hrefFor('clusters')}>Go to Clusters</Button>}
      >
        <p>
          Namespaces appear here once a cluster is attached or a snapshot is open. You can then attach them to
          a workspace, or create new ones on a cluster.
        </p>
      </EmptyState>
    </Page>
  );
}
