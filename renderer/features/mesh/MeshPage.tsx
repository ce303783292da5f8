import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export function MeshPage() {
  return (
    <Page title="Mesh" description="Services across clusters and the traffic between them.">
      <EmptyState
        icon="mesh"
        title="No services to map yet"
        actions={<Button href={hrefFor('clusters')}>Go to Clusters</Button>}
      >
        <p>
          The mesh view maps services, their instances and the connections between them across clusters. It
          fills in once attached clusters or an open snapshot contain services.
        </p>
      </EmptyState>
    </Page>
  );
}
