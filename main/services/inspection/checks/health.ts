/** Cluster health over live objects: nodes, pods, services, API versions, versions and events. */
import { matchesLabelSelector } from '../../objects-memory/label-selector';
import { asArray, asObject, podOf, str, workloadKinds, type J } from '../pod-spec';
import type { Check, Violation } from '../types';
import { deprecatedKinds, deprecationOf, endOfLife, isPastSupport } from './api-versions';
import { objectCheck } from './define';
import { inNamespace } from './lookup';
import { minorOf } from './pss-version';

const H = 'health' as const;
const C = 'Cluster health' as const;

const conditions = (o: J): J[] => asArray(o?.status?.conditions);
const condition = (o: J, type: string): J | undefined => conditions(o).find((c) => c?.type === type);

/** Minutes between a timestamp and now (Infinity when unknown). */
const ageMinutes = (ts: unknown, now: Date) => {
  const t = Date.parse(str(ts));
  return Number.isNaN(t) ? Infinity : (now.getTime() - t) / 60_000;
};

/** Settings for thresholds (exported so tests and the UI can show them). */
export const healthThresholds = { pendingMinutes: 5, warningEventCount: 10, restartCount: 10 };

export const healthChecks: Check[] = [
  objectCheck(
    {
      id: 'health.nodeNotReady',
      set: H,
      title: 'Node is not Ready',
      category: C,
      severity: 'danger',
      remediation:
        'Check the kubelet, container runtime and network on the node; drain it if it does not recover.',
      targetKinds: ['Node'],
    },
    (o) => {
      const ready = condition(o.object, 'Ready');
      if (!ready)
        return asObject((o.object as J).status)
          ? [{ path: 'status.conditions', message: 'the node reports no Ready condition' }]
          : null;
      return ready.status === 'True'
        ? []
        : [
            {
              path: `status.conditions[${conditions(o.object).indexOf(ready)}].status`,
              message: `Ready is ${str(ready.status)}${ready.reason ? ` (${str(ready.reason)})` : ''}`,
            },
          ];
    },
  ),
  objectCheck(
    {
      id: 'health.nodePressure',
      set: H,
      title: 'Node is under resource pressure',
      category: C,
      severity: 'warning',
      remediation: 'Free memory, disk or PIDs on the node, or move workloads elsewhere.',
      targetKinds: ['Node'],
    },
    (o) => {
      const cs = conditions(o.object);
      if (!cs.length) return null;
      return cs.flatMap((c, i) =>
        ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'].includes(str(c?.type)) &&
        c.status === 'True'
          ? [{ path: `status.conditions[${i}].status`, message: `${str(c.type)} is True` }]
          : [],
      );
    },
  ),
  objectCheck(
    {
      id: 'health.kubernetesVersionUnsupported',
      set: H,
      title: 'Kubernetes version is past end of support',
      category: C,
      severity: 'warning',
      remediation: 'Upgrade the control plane and nodes to a supported Kubernetes minor version.',
      targetKinds: ['Node'],
    },
    (o, ctx) => {
      const kubelet = str((o.object as J).status?.nodeInfo?.kubeletVersion);
      const version = kubelet || ctx.kubernetesVersion(o.cluster);
      if (!version || !/^v?1\.\d+/.test(version)) return null;
      const minor = minorOf(version);
      if (!isPastSupport(minor, ctx.now)) return [];
      const eol = endOfLife[minor];
      return [
        {
          path: kubelet ? 'status.nodeInfo.kubeletVersion' : 'metadata',
          message: `Kubernetes ${version} ${eol ? `reached end of support on ${eol}` : 'is past end of support'}`,
        },
      ];
    },
  ),
  objectCheck(
    {
      id: 'health.podPending',
      set: H,
      title: 'Pod is stuck Pending',
      category: C,
      severity: 'warning',
      remediation:
        'Read the pod events: usually insufficient CPU/memory, an unbound volume, or an unsatisfiable node selector.',
      targetKinds: ['Pod'],
    },
    (o, ctx) => {
      const st = (o.object as J).status;
      if (!st?.phase) return null;
      if (
        st.phase !== 'Pending' ||
        ageMinutes(o.object.metadata?.creationTimestamp, ctx.now) < healthThresholds.pendingMinutes
      )
        return [];
      const sched = condition(o.object, 'PodScheduled');
      const why = sched?.status === 'False' ? `: ${str(sched.message) || str(sched.reason)}` : '';
      return [
        {
          path: 'status.phase',
          message: `Pending for more than ${healthThresholds.pendingMinutes} minutes${why}`,
        },
      ];
    },
  ),
  objectCheck(
    {
      id: 'health.podCrashLooping',
      set: H,
      title: 'Container is crash-looping or cannot pull its image',
      category: C,
      severity: 'danger',
      remediation:
        'Read the container logs (previous run) and events; fix the image name, command or configuration.',
      targetKinds: ['Pod'],
    },
    (o) => {
      const st = (o.object as J).status;
      if (!st?.phase) return null;
      const out: Violation[] = [];
      for (const field of ['initContainerStatuses', 'containerStatuses']) {
        asArray(st[field]).forEach((cs: J, i: number) => {
          const reason = str(cs?.state?.waiting?.reason);
          if (
            [
              'CrashLoopBackOff',
              'ImagePullBackOff',
              'ErrImagePull',
              'CreateContainerConfigError',
              'InvalidImageName',
            ].includes(reason)
          ) {
            out.push({
              path: `status.${field}[${i}].state.waiting.reason`,
              message: `container "${str(cs.name)}" is in ${reason} (${Number(cs.restartCount ?? 0)} restarts)`,
            });
          } else if (Number(cs?.restartCount ?? 0) >= healthThresholds.restartCount) {
            out.push({
              path: `status.${field}[${i}].restartCount`,
              message: `container "${str(cs.name)}" restarted ${Number(cs.restartCount)} times`,
            });
          }
        });
      }
      return out;
    },
  ),
  objectCheck(
    {
      id: 'health.podNotReady',
      set: H,
      title: 'Running pod is not ready',
      category: C,
      severity: 'warning',
      remediation: 'Check the readiness probe and the containers that are not ready.',
      targetKinds: ['Pod'],
    },
    (o) => {
      const st = (o.object as J).status;
      if (!st?.phase) return null;
      if (st.phase !== 'Running')
        return st.phase === 'Failed'
          ? [{ path: 'status.phase', message: `pod Failed${st.reason ? ` (${str(st.reason)})` : ''}` }]
          : [];
      const ready = condition(o.object, 'Ready');
      return !ready || ready.status === 'True'
        ? []
        : [
            {
              path: `status.conditions[${conditions(o.object).indexOf(ready)}].status`,
              message: `Ready is ${str(ready.status)}${ready.reason ? ` (${str(ready.reason)})` : ''}`,
            },
          ];
    },
  ),
  objectCheck(
    {
      id: 'health.unmanagedPod',
      set: H,
      title: 'Pod is not managed by a controller',
      category: C,
      severity: 'warning',
      remediation:
        'Run the pod from a Deployment, StatefulSet, DaemonSet or Job so it is recreated when it dies.',
      targetKinds: ['Pod'],
    },
    (o) => {
      const meta = o.object.metadata ?? {};
      if (meta.annotations?.['kubernetes.io/config.mirror']) return [];
      return asArray(meta.ownerReferences).length
        ? []
        : [
            {
              path: 'metadata.ownerReferences',
              message: 'no owner: nothing recreates this pod if it fails or its node goes away',
            },
          ];
    },
  ),
  objectCheck(
    {
      id: 'health.serviceSelectsNoPods',
      set: H,
      title: 'Service selects no pods',
      category: C,
      severity: 'warning',
      remediation: 'Fix the Service selector or the pod labels so they match.',
      targetKinds: ['Service'],
    },
    (o, ctx) => {
      const spec = (o.object as J).spec ?? {};
      const sel = asObject(spec.selector);
      if (spec.type === 'ExternalName' || !sel || !Object.keys(sel).length) return null;
      const labelsList = ctx.memo(`podLabels:${o.cluster}\t${o.namespace}`, () => {
        const list: Array<Record<string, string>> = [];
        for (const kind of workloadKinds) {
          for (const w of inNamespace(ctx, kind, o)) {
            const pod = podOf(w.object);
            if (pod) list.push(pod.metadata.labels);
          }
        }
        return list;
      });
      return labelsList.some((l) => matchesLabelSelector({ matchLabels: sel }, l))
        ? []
        : [
            {
              path: 'spec.selector',
              message: `no pod or pod template in ${o.namespace} matches ${JSON.stringify(sel)}`,
            },
          ];
    },
  ),
  objectCheck(
    {
      id: 'health.serviceNoEndpoints',
      set: H,
      title: 'Service has no ready endpoints',
      category: C,
      severity: 'warning',
      remediation: 'Make sure the selected pods are running and ready (see their readiness probes).',
      targetKinds: ['Service'],
    },
    (o, ctx) => {
      const spec = (o.object as J).spec ?? {};
      if (spec.type === 'ExternalName' || !asObject(spec.selector)) return null;
      const ep = inNamespace(ctx, 'Endpoints', o).find((e) => e.name === o.name);
      const slices = inNamespace(ctx, 'EndpointSlice', o).filter(
        (s) => s.labels['kubernetes.io/service-name'] === o.name,
      );
      if (!ep && !slices.length) return null; // no endpoint data in this source (e.g. manifests)
      const epReady = asArray((ep?.object as J)?.subsets).some((s: J) => asArray(s?.addresses).length > 0);
      const sliceReady = slices.some((s) =>
        asArray((s.object as J).endpoints).some((e: J) => e?.conditions?.ready !== false),
      );
      return epReady || sliceReady
        ? []
        : [{ path: 'spec.selector', message: 'the Service has no ready endpoints' }];
    },
  ),
  objectCheck(
    {
      id: 'health.removedApiVersion',
      set: H,
      title: 'API version is no longer served',
      category: C,
      severity: 'danger',
      remediation: 'Migrate the object to the replacement API version before applying it.',
      targetKinds: deprecatedKinds,
    },
    (o, ctx) => {
      const api = str(o.object.apiVersion);
      const dep = deprecationOf(api, o.kind);
      if (!dep) return [];
      const minor = minorOf(ctx.kubernetesVersion(o.cluster));
      return minor >= dep.removedIn
        ? [
            {
              path: 'apiVersion',
              message: `${api} ${o.kind} was removed in 1.${dep.removedIn}; use ${dep.replacement}`,
            },
          ]
        : [];
    },
  ),
  objectCheck(
    {
      id: 'health.deprecatedApiVersion',
      set: H,
      title: 'API version is deprecated',
      category: C,
      severity: 'warning',
      remediation: 'Migrate the object to the replacement API version before the upgrade that removes it.',
      targetKinds: deprecatedKinds,
    },
    (o, ctx) => {
      const api = str(o.object.apiVersion);
      const dep = deprecationOf(api, o.kind);
      if (!dep) return [];
      const minor = minorOf(ctx.kubernetesVersion(o.cluster));
      return minor >= dep.deprecatedIn && minor < dep.removedIn
        ? [
            {
              path: 'apiVersion',
              message: `${api} ${o.kind} is deprecated since 1.${dep.deprecatedIn} and removed in 1.${dep.removedIn}; use ${dep.replacement}`,
            },
          ]
        : [];
    },
  ),
  objectCheck(
    {
      id: 'health.componentUnhealthy',
      set: H,
      title: 'Control-plane component is unhealthy',
      category: C,
      severity: 'danger',
      remediation: 'Check the component (scheduler, controller-manager, etcd) logs on the control plane.',
      targetKinds: ['ComponentStatus'],
    },
    (o) =>
      asArray((o.object as J).conditions).flatMap((c: J, i: number) =>
        c?.type === 'Healthy' && c.status !== 'True'
          ? [
              {
                path: `conditions[${i}].status`,
                message: `${o.name} is unhealthy${c.error ? `: ${str(c.error)}` : ''}`,
              },
            ]
          : [],
      ),
  ),
  objectCheck(
    {
      id: 'health.warningEvents',
      set: H,
      title: 'Warning events are piling up',
      category: C,
      severity: 'warning',
      remediation: 'Look at the involved object: the same warning keeps repeating.',
      targetKinds: ['Event'],
    },
    (o) => {
      const e = o.object as J;
      if (e.type !== 'Warning') return [];
      const count = Number(e.series?.count ?? e.count ?? e.deprecatedCount ?? 1);
      if (count < healthThresholds.warningEventCount) return [];
      const inv = e.involvedObject ?? e.regarding ?? {};
      return [
        {
          path: e.series ? 'series.count' : 'count',
          message: `${str(e.reason)} ×${count} on ${str(inv.kind)} ${str(inv.name)}: ${str(e.message ?? e.note)}`,
        },
      ];
    },
  ),
];
