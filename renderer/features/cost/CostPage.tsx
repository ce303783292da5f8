import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export function CostPage() {
  return (
    <Page title="Cost" description="What the fleet costs, by cluster, namespace and workload.">
      <EmptyState
        icon="cost"
        title="No cost data yet"
        actions={<Button href={hrefFor('clusters')}>Go to Clusters</Button>}
      >
        <p>
          Cost is estimated from node capacity and the resources pods request, priced with a table you can
          adjust. Attach a cluster or open a snapshot to see it.
        </p>
      </EmptyState>
    </Page>
  );
}
