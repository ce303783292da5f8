import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { notInThisBuild } from '../unavailable';

export function ClusterGroupsPage() {
  return (
    <Page
      title="Cluster groups"
      description="Groups of clusters that share a common set of policies."
      actions={
        <Button variant="primary" disabledReason={notInThisBuild('Creating cluster groups')}>
          New cluster group
        </Button>
      }
    >
      <EmptyState
        icon="groups"
        title="No cluster groups yet"
        actions={<Button href={hrefFor('clusters')}>Go to Clusters</Button>}
      >
        <p>
          A cluster group collects clusters so you can apply policies to all of them at once. Clusters in a
          group can run anywhere and be shared across teams.
        </p>
        <p>Attach your clusters first; then create a group and move them into it.</p>
      </EmptyState>
    </Page>
  );
}
