import { hrefFor } from '../../app/router';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { ObjectYamlEditor } from './ObjectYamlEditor';
import { parseYamlRoute, yamlHighlight } from './route';

/** `#/workloads/yaml/<cluster>/<group~version>/<kind>/<namespace or _>/<name>`: one object's YAML. */
export function YamlPage({ path }: { path: string[] }) {
  const ref = parseYamlRoute(path);
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
  const where = ref.namespace ? `${ref.namespace} · ` : '';
  return (
    <Page
      title={`${ref.kind} ${ref.name}`}
      description={`${where}${ref.group ? `${ref.group}/` : ''}${ref.version} · YAML`}
    >
      <ObjectYamlEditor key={path.join('/')} objectRef={ref} highlight={yamlHighlight(path)} />
    </Page>
  );
}
