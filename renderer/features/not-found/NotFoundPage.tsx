import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';

export function NotFoundPage({ hash }: { hash: string }) {
  return (
    <Page title="Page not found">
      <EmptyState
        icon="inspections"
        title={`Nothing at ${hash}`}
        actions={<Button href={hrefFor('clusters')}>Go to Clusters</Button>}
      >
        <p>The address may be from another version of Flotilla. Pick a section on the left.</p>
      </EmptyState>
    </Page>
  );
}
