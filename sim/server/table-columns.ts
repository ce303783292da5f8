/** Per-type table columns, matching what a real API server prints for `kubectl get` (and -o wide). */
import {
  o,
  arr,
  str,
  num,
  col,
  NAME,
  AGE,
  CREATED,
  spec,
  status,
  CONTAINERS,
  IMAGES,
  selectorText,
  SELECTOR,
  nodeAddress,
  count,
  accessModes,
  podStatus,
  nodeRoles,
  nodeStatus,
  servicePorts,
  externalIp,
  bindingSubjects,
  type Column,
} from './table-helpers';

export type { Column } from './table-helpers';
import { age } from './age';

export const COLUMNS: Record<string, Column[]> = {
  'v1/pods': [
    NAME,
    col('Ready', (p) => podStatus(p).ready),
    col('Status', (p) => podStatus(p).status),
    col('Restarts', (p) => podStatus(p).restarts),
    AGE,
    col('IP', (p) => str(status(p).podIP), 1),
    col('Node', (p) => str(spec(p).nodeName), 1),
    col('Nominated Node', (p) => str(status(p).nominatedNodeName), 1),
    col(
      'Readiness Gates',
      (p) => (arr(spec(p).readinessGates).length ? `0/${arr(spec(p).readinessGates).length}` : '<none>'),
      1,
    ),
  ],
  'v1/nodes': [
    NAME,
    col('Status', nodeStatus),
    col('Roles', nodeRoles),
    AGE,
    col('Version', (n) => str(o(status(n).nodeInfo).kubeletVersion, '')),
    col('Internal-IP', (n) => nodeAddress(n, 'InternalIP'), 1),
    col('External-IP', (n) => nodeAddress(n, 'ExternalIP'), 1),
    col('OS-Image', (n) => str(o(status(n).nodeInfo).osImage, '<unknown>'), 1),
    col('Kernel-Version', (n) => str(o(status(n).nodeInfo).kernelVersion, '<unknown>'), 1),
    col('Container-Runtime', (n) => str(o(status(n).nodeInfo).containerRuntimeVersion, '<unknown>'), 1),
  ],
  'v1/namespaces': [NAME, col('Status', (n) => str(status(n).phase, '')), AGE],
  'v1/services': [
    NAME,
    col('Type', (s) => str(spec(s).type, 'ClusterIP')),
    col('Cluster-IP', (s) => str(spec(s).clusterIP)),
    col('External-IP', externalIp),
    col('Port(s)', servicePorts),
    AGE,
    col(
      'Selector',
      (s) =>
        count(spec(s).selector)
          ? Object.entries(o(spec(s).selector))
              .map(([k, v]) => `${k}=${String(v)}`)
              .join(',')
          : '<none>',
      1,
    ),
  ],
  'apps/v1/deployments': [
    NAME,
    col('Ready', (d) => `${num(status(d).readyReplicas)}/${num(spec(d).replicas)}`),
    col('Up-to-date', (d) => num(status(d).updatedReplicas), 0, 'integer'),
    col('Available', (d) => num(status(d).availableReplicas), 0, 'integer'),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  'apps/v1/replicasets': [
    NAME,
    col('Desired', (d) => num(spec(d).replicas), 0, 'integer'),
    col('Current', (d) => num(status(d).replicas), 0, 'integer'),
    col('Ready', (d) => num(status(d).readyReplicas), 0, 'integer'),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  'apps/v1/statefulsets': [
    NAME,
    col('Ready', (d) => `${num(status(d).readyReplicas)}/${num(spec(d).replicas)}`),
    AGE,
    CONTAINERS,
    IMAGES,
  ],
  'apps/v1/daemonsets': [
    NAME,
    col('Desired', (d) => num(status(d).desiredNumberScheduled), 0, 'integer'),
    col('Current', (d) => num(status(d).currentNumberScheduled), 0, 'integer'),
    col('Ready', (d) => num(status(d).numberReady), 0, 'integer'),
    col('Up-to-date', (d) => num(status(d).updatedNumberScheduled), 0, 'integer'),
    col('Available', (d) => num(status(d).numberAvailable), 0, 'integer'),
    col('Node Selector', (d) => {
      const ns = o(o(o(spec(d).template).spec).nodeSelector);
      return Object.keys(ns).length
        ? Object.entries(ns)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(',')
        : '<none>';
    }),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  'batch/v1/jobs': [
    NAME,
    col('Status', (j) => {
      const c = arr(status(j).conditions).find(
        (x) => x.status === 'True' && (x.type === 'Complete' || x.type === 'Failed'),
      );
      return c ? String(c.type) : 'Running';
    }),
    col('Completions', (j) => `${num(status(j).succeeded)}/${num(spec(j).completions) || 1}`),
    col('Duration', (j) =>
      status(j).startTime
        ? age(
            status(j).startTime,
            status(j).completionTime ? Date.parse(String(status(j).completionTime)) : Date.now(),
          )
        : '',
    ),
    AGE,
    CONTAINERS,
    IMAGES,
    SELECTOR,
  ],
  'batch/v1/cronjobs': [
    NAME,
    col('Schedule', (c) => str(spec(c).schedule, '')),
    col('Timezone', (c) => str(spec(c).timeZone)),
    col('Suspend', (c) => (spec(c).suspend ? 'True' : 'False')),
    col('Active', (c) => arr(status(c).active).length, 0, 'integer'),
    col('Last Schedule', (c) => (status(c).lastScheduleTime ? age(status(c).lastScheduleTime) : '<none>')),
    AGE,
  ],
  'v1/configmaps': [NAME, col('Data', (c) => count(c.data) + count(c.binaryData), 0, 'integer'), AGE],
  'v1/secrets': [
    NAME,
    col('Type', (s) => str(s.type, 'Opaque')),
    col('Data', (s) => count(s.data), 0, 'integer'),
    AGE,
  ],
  'v1/serviceaccounts': [NAME, col('Secrets', (s) => arr(s.secrets).length, 0, 'integer'), AGE],
  'v1/events': [
    col('Last Seen', (e) => age(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp)),
    col('Type', (e) => str(e.type, '')),
    col('Reason', (e) => str(e.reason, '')),
    col(
      'Object',
      (e) =>
        `${String(o(e.involvedObject).kind ?? '').toLowerCase()}/${String(o(e.involvedObject).name ?? '')}`,
    ),
    col('Subobject', (e) => str(o(e.involvedObject).fieldPath, ''), 1),
    col('Source', (e) => str(o(e.source).component, ''), 1),
    col('Message', (e) => str(e.message, '')),
    col('First Seen', (e) => age(e.firstTimestamp ?? e.metadata.creationTimestamp), 1),
    col('Count', (e) => num(e.count) || 1, 1, 'integer'),
    col('Name', (e) => e.metadata.name, 1),
  ],
  'v1/endpoints': [
    NAME,
    col('Endpoints', (e) => {
      const eps = arr(e.subsets).flatMap((s) =>
        arr(s.addresses).flatMap((a) =>
          arr(s.ports).length ? arr(s.ports).map((p) => `${String(a.ip)}:${String(p.port)}`) : [String(a.ip)],
        ),
      );
      return eps.length
        ? eps.length > 3
          ? `${eps.slice(0, 3).join(',')} + ${eps.length - 3} more...`
          : eps.join(',')
        : '<none>';
    }),
    AGE,
  ],
  'networking.k8s.io/v1/ingresses': [
    NAME,
    col('Class', (i) => str(spec(i).ingressClassName)),
    col(
      'Hosts',
      (i) =>
        arr(spec(i).rules)
          .map((r) => r.host ?? '*')
          .join(',') || '*',
    ),
    col('Address', (i) =>
      arr(o(status(i).loadBalancer).ingress)
        .map((x) => x.ip ?? x.hostname)
        .join(','),
    ),
    col('Ports', (i) => (arr(spec(i).tls).length ? '80, 443' : '80')),
    AGE,
  ],
  'v1/persistentvolumeclaims': [
    NAME,
    col('Status', (p) => str(status(p).phase, '')),
    col('Volume', (p) => str(spec(p).volumeName, '')),
    col('Capacity', (p) => str(o(status(p).capacity).storage, '')),
    col('Access Modes', (p) => accessModes(status(p).accessModes)),
    col('StorageClass', (p) => str(spec(p).storageClassName, '')),
    col('VolumeAttributesClass', (p) => str(spec(p).volumeAttributesClassName)),
    AGE,
    col('VolumeMode', (p) => str(spec(p).volumeMode, 'Filesystem'), 1),
  ],
  'v1/persistentvolumes': [
    NAME,
    col('Capacity', (p) => str(o(spec(p).capacity).storage, '')),
    col('Access Modes', (p) => accessModes(spec(p).accessModes)),
    col('Reclaim Policy', (p) => str(spec(p).persistentVolumeReclaimPolicy, 'Retain')),
    col('Status', (p) => str(status(p).phase, '')),
    col('Claim', (p) =>
      spec(p).claimRef ? `${String(o(spec(p).claimRef).namespace)}/${String(o(spec(p).claimRef).name)}` : '',
    ),
    col('StorageClass', (p) => str(spec(p).storageClassName, '')),
    col('VolumeAttributesClass', (p) => str(spec(p).volumeAttributesClassName)),
    col('Reason', (p) => str(status(p).reason, '')),
    AGE,
    col('VolumeMode', (p) => str(spec(p).volumeMode, 'Filesystem'), 1),
  ],
  'storage.k8s.io/v1/storageclasses': [
    NAME,
    col('Provisioner', (s) => str(s.provisioner, '')),
    col('ReclaimPolicy', (s) => str(s.reclaimPolicy, 'Delete')),
    col('VolumeBindingMode', (s) => str(s.volumeBindingMode, 'Immediate')),
    col('AllowVolumeExpansion', (s) => s.allowVolumeExpansion === true, 0, 'boolean'),
    AGE,
  ],
  'autoscaling/v2/horizontalpodautoscalers': [
    NAME,
    col(
      'Reference',
      (h) => `${String(o(spec(h).scaleTargetRef).kind)}/${String(o(spec(h).scaleTargetRef).name)}`,
    ),
    col('Targets', (h) => {
      const cur = arr(status(h).currentMetrics);
      return (
        arr(spec(h).metrics)
          .map((m, i) => {
            const target = o(o(o(m).resource).target);
            const c = o(o(o(cur[i]).resource).current);
            return `${String(o(m.resource).name ?? 'metric')}: ${c.averageUtilization !== undefined ? String(c.averageUtilization) + '%' : '<unknown>'}/${String(target.averageUtilization ?? target.averageValue ?? '')}${target.averageUtilization !== undefined ? '%' : ''}`;
          })
          .join(', ') || '<none>'
      );
    }),
    col('MinPods', (h) => num(spec(h).minReplicas) || 1, 0, 'integer'),
    col('MaxPods', (h) => num(spec(h).maxReplicas), 0, 'integer'),
    col('Replicas', (h) => num(status(h).currentReplicas), 0, 'integer'),
    AGE,
  ],
  'policy/v1/poddisruptionbudgets': [
    NAME,
    col('Min Available', (p) => str(spec(p).minAvailable, 'N/A')),
    col('Max Unavailable', (p) => str(spec(p).maxUnavailable, 'N/A')),
    col('Allowed Disruptions', (p) => num(status(p).disruptionsAllowed), 0, 'integer'),
    AGE,
  ],
  'rbac.authorization.k8s.io/v1/roles': [NAME, CREATED],
  'rbac.authorization.k8s.io/v1/clusterroles': [NAME, CREATED],
  'rbac.authorization.k8s.io/v1/rolebindings': [
    NAME,
    col('Role', (b) => `${String(o(b.roleRef).kind)}/${String(o(b.roleRef).name)}`),
    AGE,
    col('Users', (b) => bindingSubjects(b, 'User'), 1),
    col('Groups', (b) => bindingSubjects(b, 'Group'), 1),
    col('ServiceAccounts', (b) => bindingSubjects(b, 'ServiceAccount'), 1),
  ],
  'apiextensions.k8s.io/v1/customresourcedefinitions': [NAME, CREATED],
  'networking.k8s.io/v1/networkpolicies': [
    NAME,
    col('Pod-Selector', (n) => {
      const s = selectorText(spec(n).podSelector);
      return s === '<none>' ? '' : s;
    }),
    AGE,
  ],
  'discovery.k8s.io/v1/endpointslices': [
    NAME,
    col('AddressType', (e) => str(e.addressType, '')),
    col(
      'Ports',
      (e) =>
        arr(e.ports)
          .map((p) => String(p.port))
          .join(',') || '<unset>',
    ),
    col(
      'Endpoints',
      (e) =>
        arr(e.endpoints)
          .flatMap((x) => (Array.isArray(x.addresses) ? x.addresses : []))
          .join(',') || '<unset>',
    ),
    AGE,
  ],
  'v1/resourcequotas': [
    NAME,
    AGE,
    col('Request', (q) => {
      const hard = o(status(q).hard ?? spec(q).hard);
      const used = o(status(q).used);
      return Object.keys(hard)
        .filter((k) => !k.startsWith('limits.'))
        .sort()
        .map((k) => `${k}: ${String(used[k] ?? 0)}/${String(hard[k])}`)
        .join(', ');
    }),
    col('Limit', (q) => {
      const hard = o(status(q).hard ?? spec(q).hard);
      const used = o(status(q).used);
      return Object.keys(hard)
        .filter((k) => k.startsWith('limits.'))
        .sort()
        .map((k) => `${k}: ${String(used[k] ?? 0)}/${String(hard[k])}`)
        .join(', ');
    }),
  ],
  'coordination.k8s.io/v1/leases': [NAME, col('Holder', (l) => str(spec(l).holderIdentity, '')), AGE],
  'metrics.k8s.io/v1beta1/nodes': [
    NAME,
    col('CPU', (m) => str(o(m.usage).cpu, '')),
    col('Memory', (m) => str(o(m.usage).memory, '')),
    col('Window', (m) => str(m.window, '')),
  ],
  'metrics.k8s.io/v1beta1/pods': [NAME, col('Window', (m) => str(m.window, '')), AGE],
};
COLUMNS['rbac.authorization.k8s.io/v1/clusterrolebindings'] =
  COLUMNS['rbac.authorization.k8s.io/v1/rolebindings'];
COLUMNS['events.k8s.io/v1/events'] = COLUMNS['v1/events'];
COLUMNS['v1/replicationcontrollers'] = COLUMNS['apps/v1/replicasets'];

export const DEFAULT_COLUMNS: Column[] = [NAME, CREATED];
export const CUSTOM_DEFAULT_COLUMNS: Column[] = [NAME, AGE];
export { col as makeColumn };
