import { formatCpu, formatMemory } from '../../../shared/contract/fleet';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { call } from '../../lib/call';
import { isReadOnlySource, useSource } from '../../stores/source-store';
import { formatLabels } from '../clusters/labels';
import { CreateContainerForm } from '../clusters/NamedContainer';
import { useGroups } from '../clusters/use-groups';
import { useSourceView } from '../sources/sources-store';
import { snapshotGroups } from './snapshot-groups';

function SnapshotGroupsList({ source }: { source: string }) {
  const groups = snapshotGroups(useSourceView(source));
  return (
    <Page
      title="Cluster groups"
      description="The cluster groups of this snapshot, as they were when it was taken."
    >
      <table className="table fl-groups-table" aria-label="Cluster groups">
        <thead>
          <tr>
            <th>Name</th>
            <th>Clusters</th>
            <th>Nodes</th>
            <th>Objects</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.name} data-group={g.name}>
              <td>
                <a href={`#/cluster-groups/${encodeURIComponent(g.name)}`}>
                  <strong>{g.name}</strong>
                </a>
              </td>
              <td>{g.clusters}</td>
              <td>{g.nodes}</td>
              <td>{g.objects.toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}

/** Every cluster group with its totals, and a form to create one. */
function LiveGroupsList() {
  const { groups, error } = useGroups();
  return (
    <Page
      title="Cluster groups"
      description="Clusters are organised in groups; every cluster is in exactly one (default unless moved)."
    >
      <CreateContainerForm
        noun="group"
        namePlaceholder="team-a"
        labelsPlaceholder="owner: team-a"
        create={(input) => call('groups.create', input)}
      />
      {error ? <p className="form-error">{error}</p> : null}
      <table className="table fl-groups-table" aria-label="Cluster groups">
        <thead>
          <tr>
            <th>Name</th>
            <th>Description</th>
            <th>Clusters</th>
            <th>Ready</th>
            <th>Nodes</th>
            <th>Allocated CPU</th>
            <th>Allocated memory</th>
            <th>Labels</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.id} data-group={g.name}>
              <td>
                <a href={`#/cluster-groups/${encodeURIComponent(g.id)}`}>
                  <strong>{g.name}</strong>
                </a>
              </td>
              <td>{g.description}</td>
              <td>{g.clusters}</td>
              <td>{g.ready}</td>
              <td>{g.nodes}</td>
              <td>{g.cpu.allocatable > 0 ? formatCpu(g.cpu) : '--'}</td>
              <td>{g.memory.allocatable > 0 ? formatMemory(g.memory) : '--'}</td>
              <td>{formatLabels(g.labels)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <Button href="#/clusters/attach">Attach clusters</Button>
      </p>
    </Page>
  );
}

export function GroupsList() {
  const source = useSource();
  return isReadOnlySource(source) ? <SnapshotGroupsList source={source} /> : <LiveGroupsList />;
}
