import { parseWorkloadsPath } from '../../../shared/workloads/kinds';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { PodPage } from './PodPage';
import { WorkloadsList } from './WorkloadsList';
import { YamlPage } from '../yaml/YamlPage';
import './workloads.css';

/** `#/workloads/<kind>[?filters]` lists a kind across the fleet; `#/workloads/pods/<cluster>/<ns>/<name>` is a pod. */
export function WorkloadsPage({ path }: { path: string[] }) {
  if (path[0] === 'yaml') return <YamlPage path={path} />;
  const route = parseWorkloadsPath(path);
  if (route.view === 'pod') {
    return (
      <PodPage
        key={`${route.cluster}/${route.namespace}/${route.name}`}
        cluster={route.cluster}
        namespace={route.namespace}
        name={route.name}
      />
    );
  }
  if (route.view === 'unknown') {
    return (
      <Page title="Workloads">
        <EmptyState
          icon="workloads"
          title="Nothing here"
          actions={<Button href="#/workloads">Workloads</Button>}
        >
          <p>{route.reason}.</p>
        </EmptyState>
      </Page>
    );
  }
  return (
    <Page
      title="Workloads"
      description="Deployments, stateful sets, daemon sets, jobs, cron jobs and pods across the fleet."
    >
      <WorkloadsList
        key={`${route.kind.slug}?${JSON.stringify(route.filters)}`}
        kind={route.kind}
        filters={route.filters}
      />
    </Page>
  );
}
