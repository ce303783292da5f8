import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { needsData } from '../unavailable';

export function InspectionsPage() {
  return (
    <Page
      title="Inspections"
      description="Best-practice, Pod Security and cluster-health checks, with results kept over time."
      actions={
        <Button variant="primary" disabledReason={needsData}>
          Run inspection
        </Button>
      }
    >
      <EmptyState
        icon="inspections"
        title="No inspections yet"
        actions={<Button href={hrefFor('clusters')}>Go to Clusters</Button>}
      >
        <p>
          Run your first inspection to make sure your clusters follow best practices. Inspections check live
          clusters, snapshots and folders of manifests, and keep every result so you can see what changed.
        </p>
        <p>{needsData}</p>
      </EmptyState>
    </Page>
  );
}
