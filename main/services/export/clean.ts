/**
 * Clean YAML for export: what the cluster wrote into an object (status, identity, bookkeeping,
 * assigned addresses and volumes, admission-injected token volumes) is removed so the manifest
 * applies to another cluster; objects controllers make on their own (pods of a ReplicaSet, replica
 * sets of a Deployment, endpoints, events, default token secrets, kube-root-ca.crt) are left out.
 * Pure functions, no I/O.
 */
import type { KubeObject } from '../../../shared/objects/types';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Metadata fields the API server or controllers set. */
const SERVER_METADATA = [
  'managedFields',
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'ownerReferences',
];

/** Annotations written by kubectl or controllers, never by the author of a manifest. */
const SERVER_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deprecated.daemonset.template.generation',
  'pv.kubernetes.io/bind-completed',
  'pv.kubernetes.io/bound-by-controller',
  'pv.kubernetes.io/provisioned-by',
  'volume.beta.kubernetes.io/storage-provisioner',
  'volume.kubernetes.io/storage-provisioner',
  'volume.kubernetes.io/selected-node',
  'endpoints.kubernetes.io/last-change-trigger-time',
  'kubernetes.io/service-account.uid',
];

/** Labels a controller adds to a Job and its pod template (the selector is generated from them). */
const JOB_GENERATED_LABELS = [
  'controller-uid',
  'job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-name',
];

/** Kinds a controller creates for its owner: exported through the owner instead. */
const OWNED_KINDS = new Set(['Pod', 'ReplicaSet', 'Job', 'ControllerRevision', 'EndpointSlice', 'Endpoints']);

/** Why an object is left out of an export, or undefined when it is exported. */
export function exclusionReason(o: KubeObject, context: ExportContext = {}): string | undefined {
  const kind = String(o.kind ?? '');
  const meta = o.metadata ?? {};
  const name = String(meta.name ?? '');
  if (kind === 'Event') return 'events are not configuration';
  const owners = Array.isArray(meta.ownerReferences) ? meta.ownerReferences : [];
  if (OWNED_KINDS.has(kind) && owners.some((r) => isDict(r) && r.controller === true)) {
    return `made by its controller ${owners.find((r) => r.controller)?.kind ?? ''}`.trim();
  }
  if (kind === 'Endpoints' && context.services?.has(`${meta.namespace ?? ''}/${name}`)) {
    return 'made for its Service by the endpoints controller';
  }
  if (kind === 'Node') return 'nodes register themselves';
  if (meta.labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults') {
    return "part of the cluster's default RBAC";
  }
  if (kind === 'ConfigMap' && name === 'kube-root-ca.crt')
    return 'published in every namespace by the cluster';
  if (
    kind === 'Secret' &&
    o.type === 'kubernetes.io/service-account-token' &&
    /-token-[a-z0-9]{5}$/.test(name)
  ) {
    return 'a service account token the cluster generated';
  }
  if (kind === 'ServiceAccount' && name === 'default' && !hasUserContent(o)) {
    return 'created in every namespace by the cluster';
  }
  return undefined;
}

function hasUserContent(sa: KubeObject): boolean {
  const meta = sa.metadata ?? {};
  const labels = isDict(meta.labels) ? Object.keys(meta.labels) : [];
  const annotations = isDict(meta.annotations)
    ? Object.keys(meta.annotations).filter((a) => !SERVER_ANNOTATIONS.includes(a))
    : [];
  return (
    labels.length > 0 ||
    annotations.length > 0 ||
    Array.isArray(sa.imagePullSecrets) ||
    sa.automountServiceAccountToken !== undefined
  );
}

export interface ExportContext {
  /** "namespace/name" of the Services in the export (their Endpoints are left out). */
  services?: ReadonlySet<string>;
}

function dropKeys(d: Dict, keys: readonly string[]): void {
  for (const k of keys) delete d[k];
}

function cleanMetadata(meta: Dict): Dict {
  const out: Dict = { ...meta };
  dropKeys(out, SERVER_METADATA);
  if (isDict(out.annotations)) {
    const a = { ...out.annotations };
    dropKeys(a, SERVER_ANNOTATIONS);
    if (Object.keys(a).length) out.annotations = a;
    else delete out.annotations;
  }
  if (isDict(out.labels) && Object.keys(out.labels).length === 0) delete out.labels;
  return out;
}

/** The token volume the ServiceAccount admission plugin injects, and its mounts. */
const isInjectedTokenVolume = (v: unknown) =>
  isDict(v) &&
  typeof v.name === 'string' &&
  /^kube-api-access-[a-z0-9]{5}$/.test(v.name) &&
  isDict(v.projected);

function cleanPodSpec(spec: Dict): Dict {
  const out: Dict = { ...spec };
  delete out.nodeName;
  const volumes = Array.isArray(out.volumes) ? out.volumes : undefined;
  const injected = new Set(
    (volumes ?? []).filter(isInjectedTokenVolume).map((v) => String((v as Dict).name)),
  );
  if (injected.size && volumes) {
    const kept = volumes.filter((v) => !isInjectedTokenVolume(v));
    if (kept.length) out.volumes = kept;
    else delete out.volumes;
    for (const key of ['containers', 'initContainers']) {
      if (!Array.isArray(out[key])) continue;
      out[key] = (out[key] as unknown[]).map((c) => {
        if (!isDict(c) || !Array.isArray(c.volumeMounts)) return c;
        const mounts = c.volumeMounts.filter((m) => !(isDict(m) && injected.has(String(m.name))));
        const copy: Dict = { ...c };
        if (mounts.length) copy.volumeMounts = mounts;
        else delete copy.volumeMounts;
        return copy;
      });
    }
  }
  return out;
}

function cleanTemplate(template: unknown, dropLabels: readonly string[] = []): unknown {
  if (!isDict(template)) return template;
  const out: Dict = { ...template };
  if (isDict(out.metadata)) {
    const meta: Dict = { ...out.metadata };
    if (meta.creationTimestamp === null) delete meta.creationTimestamp;
    if (isDict(meta.labels) && dropLabels.length) {
      const labels = { ...meta.labels };
      dropKeys(labels, dropLabels);
      meta.labels = labels;
    }
    out.metadata = meta;
  }
  if (isDict(out.spec)) out.spec = cleanPodSpec(out.spec);
  return out;
}

function cleanService(spec: Dict): Dict {
  const out: Dict = { ...spec };
  // headless Services keep "None": it is what makes them headless
  if (out.clusterIP !== 'None') {
    delete out.clusterIP;
    delete out.clusterIPs;
  } else if (Array.isArray(out.clusterIPs)) {
    delete out.clusterIPs;
  }
  if (out.ipFamilyPolicy === 'SingleStack') {
    delete out.ipFamilyPolicy;
    delete out.ipFamilies;
  }
  return out;
}

/** The object as a manifest to apply elsewhere. */
export function cleanObject(o: KubeObject): KubeObject {
  const kind = String(o.kind ?? '');
  const out: KubeObject = { ...o };
  delete out.status;
  out.metadata = cleanMetadata(isDict(o.metadata) ? o.metadata : {}) as KubeObject['metadata'];
  const spec = isDict(o.spec) ? o.spec : undefined;
  switch (kind) {
    case 'Service':
      if (spec) out.spec = cleanService(spec);
      break;
    case 'PersistentVolumeClaim':
      if (spec) {
        const s = { ...spec };
        delete s.volumeName;
        out.spec = s;
      }
      break;
    case 'Namespace': {
      delete out.spec; // only the "kubernetes" finalizer the server adds
      const labels = out.metadata?.labels;
      if (labels && 'kubernetes.io/metadata.name' in labels) {
        const rest = { ...labels };
        delete rest['kubernetes.io/metadata.name'];
        if (Object.keys(rest).length) out.metadata = { ...out.metadata, labels: rest };
        else {
          const m = { ...out.metadata };
          delete m.labels;
          out.metadata = m;
        }
      }
      break;
    }
    case 'Pod':
      if (spec) out.spec = cleanPodSpec(spec);
      break;
    case 'Job':
      if (spec) {
        const s: Dict = { ...spec };
        const sel = isDict(s.selector) && isDict(s.selector.matchLabels) ? s.selector.matchLabels : {};
        const generated = JOB_GENERATED_LABELS.some((l) => l in sel);
        if (generated && s.manualSelector !== true) delete s.selector;
        s.template = cleanTemplate(s.template, generated ? JOB_GENERATED_LABELS : []);
        out.spec = s;
      }
      break;
    case 'CronJob':
      if (spec && isDict(spec.jobTemplate)) {
        const jt: Dict = { ...spec.jobTemplate };
        if (isDict(jt.metadata) && jt.metadata.creationTimestamp === null) {
          const m = { ...jt.metadata };
          delete m.creationTimestamp;
          jt.metadata = Object.keys(m).length ? m : undefined;
          if (!jt.metadata) delete jt.metadata;
        }
        if (isDict(jt.spec)) jt.spec = { ...jt.spec, template: cleanTemplate(jt.spec.template) };
        out.spec = { ...spec, jobTemplate: jt };
      }
      break;
    default:
      if (spec && 'template' in spec) {
        const s: Dict = { ...spec, template: cleanTemplate(spec.template) };
        if (Array.isArray(s.volumeClaimTemplates)) {
          s.volumeClaimTemplates = s.volumeClaimTemplates.map((t) => {
            if (!isDict(t)) return t;
            const c: Dict = { ...t };
            delete c.status;
            if (isDict(c.metadata)) c.metadata = cleanMetadata(c.metadata);
            return c;
          });
        }
        out.spec = s;
      }
  }
  return out;
}

export interface CleanResult {
  objects: KubeObject[];
  /** What was left out and why. */
  excluded: Array<{ kind: string; namespace: string; name: string; reason: string }>;
}

/** Cleans a set of objects, leaving out the controller-made ones. */
export function cleanForExport(objects: readonly KubeObject[]): CleanResult {
  const services = new Set(
    objects
      .filter((o) => o.kind === 'Service')
      .map((o) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`),
  );
  const out: CleanResult = { objects: [], excluded: [] };
  for (const o of objects) {
    const reason = exclusionReason(o, { services });
    if (reason) {
      out.excluded.push({
        kind: String(o.kind ?? ''),
        namespace: String(o.metadata?.namespace ?? ''),
        name: String(o.metadata?.name ?? ''),
        reason,
      });
    } else out.objects.push(cleanObject(o));
  }
  return out;
}
