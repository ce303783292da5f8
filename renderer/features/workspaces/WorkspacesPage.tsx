import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { notInThisBuild } from '../unavailable';

export function WorkspacesPage() {
  return (
    <Page
      title="Workspaces"
      description="Namespaces from many clusters, grouped by the team or application that owns them."
      actions={
        <Button variant="primary" disabledReason={notInThisBuild('Creating workspaces')}>
          New workspace
        </Button>
      }
    >
      <EmptyState
        icon="workspaces"
        title="No workspaces yet"
        actions={<Button href={hrefFor('namespaces')}>Go to Namespaces</Button>}
      >
        <p>
          A workspace groups namespaces across clusters, so an application team&apos;s access, image registry
          and network policies follow its namespaces wherever they run.
        </p>
        <p>Create a workspace, then attach namespaces to it from the Namespaces page.</p>
      </EmptyState>
    </Page>
  );
}
