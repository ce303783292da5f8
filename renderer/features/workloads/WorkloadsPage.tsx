import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { YamlPage } from '../yaml/YamlPage';

export function WorkloadsPage({ path }: { path: string[] }) {
  if (path[0] === 'yaml') return <YamlPage path={path} />;
  return (
    <Page
      title="Workloads"
      description="Deployments, stateful sets, daemon sets, jobs, cron jobs and pods across the fleet."
    >
      <EmptyState
        icon="workloads"
        title="No workloads to show"
        actions={<Button href={hrefFor('clusters')}>Go to Clusters</Button>}
      >
        <p>
          Workloads appear here once a cluster is attached, a snapshot is open or manifests are imported —
          from every cluster at once, filterable by cluster, namespace and kind.
        </p>
      </EmptyState>
    </Page>
  );
}
