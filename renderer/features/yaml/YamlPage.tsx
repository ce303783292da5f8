import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { isReadOnlySource, useSource } from '../../stores/source-store';
import { ObjectYamlEditor } from './ObjectYamlEditor';
import { parseYamlRoute, yamlHighlight } from './route';
import { SourceObjectView } from './SourceObjectView';
import { useFleet } from '../workloads/use-fleet';

/**
 * `#/workloads/yaml/<cluster>/<group~version>/<kind>/<namespace or _>/<name>`: one object's YAML,
 * editable on the live fleet, read-only from a snapshot or imported manifests (the current source).
 */
export function YamlPage({ path }: { path: string[] }) {
  const ref = parseYamlRoute(path);
  const source = useSource();
  const { clusters } = useFleet(source);
  if (!ref) {
    return (
      <Page title="YAML">
        <EmptyState
          icon="workloads"
          title="This link does not name an object"
          actions={<Button href={hrefFor('workloads')}>Go to Workloads</Button>}
        >
          <p>A YAML link names a cluster, an API version, a kind, a namespace and a name.</p>
        </EmptyState>
      </Page>
    );
  }
  // the cluster by name (its id until the fleet has answered)
  const cluster = clusters.find((c) => c.id === ref.cluster)?.name ?? ref.cluster;
  const where = ref.namespace ? `${ref.namespace} · ` : '';
  return (
    <Page
      title={`${ref.kind} ${ref.name}`}
      description={`${cluster} · ${where}${ref.group ? `${ref.group}/` : ''}${ref.version} · YAML`}
    >
      {isReadOnlySource(source) ? (
        <SourceObjectView
          key={`${source}/${path.join('/')}`}
          objectRef={ref}
          source={source}
          highlight={yamlHighlight(path)}
        />
      ) : (
        <ObjectYamlEditor
          key={path.join('/')}
          objectRef={ref}
          clusterName={cluster}
          highlight={yamlHighlight(path)}
        />
      )}
    </Page>
  );
}
