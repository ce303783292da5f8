/** Builders for check tests: tiny objects, a reader over them, and one check's findings. */
import type { KubeObject, StoredObject } from '../../../../shared/objects/types';
import { splitApiVersion, clusterScopedKinds } from '../../importer/rows';
import { MemoryObjectReader } from '../../objects-memory/memory-reader';
import { builtInChecks } from '../catalog';
import { runInspection } from '../engine';
import type { J } from '../pod-spec';
import type { Finding, InspectionConfig } from '../types';

export const row = (o: KubeObject, cluster = 'c1'): StoredObject => {
  const { group, version } = splitApiVersion(String(o.apiVersion));
  const kind = String(o.kind);
  const namespace = clusterScopedKinds.has(kind) ? '' : (o.metadata?.namespace ?? 'default');
  return {
    source: 'test',
    cluster,
    group,
    version,
    kind,
    namespace,
    name: String(o.metadata?.name),
    uid: `${kind}/${namespace}/${o.metadata?.name}`,
    resourceVersion: '1',
    labels: o.metadata?.labels ?? {},
    object: o,
  };
};

/** A container with everything Polaris and restricted PSS like, overridable. */
export const goodContainer = (c: J = {}): J => ({
  name: 'app',
  image: 'nginx:1.25',
  imagePullPolicy: 'Always',
  resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
  livenessProbe: { httpGet: { path: '/', port: 80 } },
  readinessProbe: { httpGet: { path: '/', port: 80 } },
  securityContext: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  },
  ...c,
});

export const pod = (spec: J = {}, meta: J = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', ...meta },
  spec: { containers: [goodContainer()], ...spec },
});

export const withContainer = (c: J, spec: J = {}): KubeObject =>
  pod({ ...spec, containers: [goodContainer(c)] });
export const withSecurity = (sc: J, spec: J = {}): KubeObject =>
  withContainer({ securityContext: { ...goodContainer().securityContext, ...sc } }, spec);

export const deployment = (podSpec: J = {}, extra: J = {}, labels: J = { app: 'web' }): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { 'app.kubernetes.io/instance': 'web' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: labels },
    template: { metadata: { labels }, spec: { containers: [goodContainer()], ...podSpec } },
    ...extra,
  },
});

export const obj = (
  apiVersion: string,
  kind: string,
  name: string,
  rest: J = {},
  namespace = 'default',
): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, ...(clusterScopedKinds.has(kind) ? {} : { namespace }), ...(rest.metadata ?? {}) },
  ...Object.fromEntries(Object.entries(rest).filter(([k]) => k !== 'metadata')),
});

export async function findingsOf(
  checkId: string,
  objects: KubeObject[],
  config: InspectionConfig = {},
  now?: Date,
): Promise<Finding[]> {
  const checks = builtInChecks.filter((c) => c.id === checkId);
  if (!checks.length) throw new Error(`no check ${checkId}`);
  const r = await runInspection({
    reader: new MemoryObjectReader(objects.map((o) => row(o))),
    checks,
    config,
    now,
  });
  return r.findings;
}

/** Runs only the configured custom checks over test objects. */
export async function findingsOfConfig(objects: KubeObject[], config: InspectionConfig): Promise<Finding[]> {
  const r = await runInspection({
    reader: new MemoryObjectReader(objects.map((o) => row(o))),
    checks: [],
    config,
  });
  return r.findings;
}
