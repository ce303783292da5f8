/** StatefulSet controller: ordered pods name-0..n-1 with stable names and per-pod PVCs, rolled from the highest ordinal. */
import type { KObject } from '../store/api';
import { GVR, keyOf } from './gvr';
import {
  isActive,
  isReady,
  ownerRef,
  phaseOf,
  podFromTemplate,
  statusOf,
  templateHash,
  type PodSpec,
} from './pods';
import { deletePod, enqueueOwner } from './replicaset';
import type { Controller, Runtime } from './runtime';

export const STS = 'statefulset';
const REVISION_LABEL = 'controller-revision-hash';

interface StsSpec {
  replicas?: number;
  serviceName?: string;
  podManagementPolicy?: string;
  updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
  selector?: { matchLabels?: Record<string, string> };
  template?: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: PodSpec;
  };
  volumeClaimTemplates?: Array<{
    metadata?: { name?: string; labels?: Record<string, string> };
    spec?: Record<string, unknown>;
  }>;
}

function ensureClaims(
  rt: Runtime,
  sts: KObject,
  spec: StsSpec,
  ordinal: number,
): Array<{ name: string; persistentVolumeClaim: { claimName: string } }> {
  const out = [];
  for (const t of spec.volumeClaimTemplates ?? []) {
    const tname = t.metadata?.name ?? 'data';
    const claimName = `${tname}-${sts.metadata.name}-${ordinal}`;
    out.push({ name: tname, persistentVolumeClaim: { claimName } });
    if (rt.store.get(GVR.pvcs, sts.metadata.namespace, claimName)) continue;
    rt.store.create(GVR.pvcs, {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claimName,
        namespace: sts.metadata.namespace,
        labels: { ...spec.selector?.matchLabels, ...t.metadata?.labels },
      },
      spec: { volumeMode: 'Filesystem', ...structuredClone(t.spec ?? {}) },
      status: { phase: 'Pending' },
    });
    rt.events.record(
      sts,
      'Normal',
      'SuccessfulCreate',
      `create Claim ${claimName} Pod ${sts.metadata.name}-${ordinal} in StatefulSet ${sts.metadata.name} success`,
      { component: 'statefulset-controller' },
    );
  }
  return out;
}

function ensureRevision(rt: Runtime, sts: KObject, spec: StsSpec, hash: string): void {
  const name = `${sts.metadata.name}-${hash}`;
  if (
    !rt.store.typeOf(GVR.controllerRevisions) ||
    rt.store.get(GVR.controllerRevisions, sts.metadata.namespace, name)
  )
    return;
  const existing = rt.store
    .list(GVR.controllerRevisions, { namespace: sts.metadata.namespace })
    .filter((r) => r.metadata.ownerReferences?.some((o) => o.uid === sts.metadata.uid));
  const revision = existing.reduce((m, r) => Math.max(m, (r.revision as number) ?? 0), 0) + 1;
  rt.store.create(GVR.controllerRevisions, {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: sts.metadata.namespace,
      labels: { ...spec.selector?.matchLabels, [REVISION_LABEL]: hash },
      ownerReferences: [ownerRef(sts)],
    },
    data: { spec: { template: { ...structuredClone(spec.template ?? {}), $patch: 'replace' } } },
    revision,
  });
}

export const statefulSetController: Controller = {
  name: STS,
  watches: [GVR.statefulSets, GVR.pods],
  onEvent(event, rt) {
    if (event.gvr === GVR.statefulSets)
      rt.enqueue(STS, keyOf(event.object.metadata.namespace, event.object.metadata.name ?? ''));
    else if (event.gvr === GVR.pods) enqueueOwner(rt, event, 'StatefulSet', STS);
  },
  start(rt) {
    for (const s of rt.cache.all(GVR.statefulSets))
      rt.enqueue(STS, keyOf(s.metadata.namespace, s.metadata.name ?? ''));
  },
  reconcile(key, rt) {
    const sts = rt.cache.get(GVR.statefulSets, key);
    if (!sts || sts.metadata.deletionTimestamp || !rt.namespaceOpen(sts.metadata.namespace)) return;
    const spec = sts.spec as StsSpec;
    const replicas = spec.replicas ?? 1;
    const name = sts.metadata.name ?? '';
    const hash = templateHash(spec.template ?? {});
    const updateRevision = `${name}-${hash}`;
    ensureRevision(rt, sts, spec, hash);
    const parallel = spec.podManagementPolicy === 'Parallel';
    const byOrdinal = new Map<number, KObject>();
    for (const p of rt.cache.ownedBy(GVR.pods, sts.metadata.uid)) {
      const m = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(
        p.metadata.name ?? '',
      );
      if (m) byOrdinal.set(Number(m[1]), p);
    }
    const terminating = [...byOrdinal.values()].some((p) => p.metadata.deletionTimestamp);
    // Failed pods are replaced.
    for (const p of byOrdinal.values())
      if (phaseOf(p) === 'Failed' && !p.metadata.deletionTimestamp) deletePod(rt, p);
    // Scale up.
    for (let i = 0; i < replicas; i++) {
      const p = byOrdinal.get(i);
      if (!p) {
        if (!parallel && terminating) break;
        const volumes = ensureClaims(rt, sts, spec, i);
        const podName = `${name}-${i}`;
        const pod = podFromTemplate(spec.template ?? {}, sts, podName, {
          labels: {
            [REVISION_LABEL]: updateRevision,
            'statefulset.kubernetes.io/pod-name': podName,
            'apps.kubernetes.io/pod-index': String(i),
          },
          spec: { hostname: podName, ...(spec.serviceName ? { subdomain: spec.serviceName } : {}) },
        });
        const podSpec = pod.spec as PodSpec & { volumes?: Array<{ name: string }> };
        podSpec.volumes = [
          ...(podSpec.volumes ?? []).filter((v) => !volumes.some((x) => x.name === v.name)),
          ...volumes,
        ];
        try {
          rt.store.create(GVR.pods, pod);
          rt.events.record(
            sts,
            'Normal',
            'SuccessfulCreate',
            `create Pod ${podName} in StatefulSet ${name} successful`,
            { component: 'statefulset-controller' },
          );
        } catch {
          // the previous incarnation is still there
        }
        if (!parallel) break;
      } else if (!parallel && (!isReady(p) || p.metadata.deletionTimestamp)) break;
    }
    // Scale down, highest ordinal first.
    const extra = [...byOrdinal.entries()]
      .filter(([i, p]) => i >= replicas && !p.metadata.deletionTimestamp)
      .sort((a, b) => b[0] - a[0]);
    for (const [, p] of parallel ? extra : extra.slice(0, terminating ? 0 : 1)) {
      deletePod(rt, p);
      rt.events.record(
        sts,
        'Normal',
        'SuccessfulDelete',
        `delete Pod ${p.metadata.name} in StatefulSet ${name} successful`,
        { component: 'statefulset-controller' },
      );
    }
    // Rolling update, highest ordinal first, one at a time, once everything is ready.
    const pods = [...byOrdinal.entries()].filter(([i]) => i < replicas);
    const allReady =
      pods.length === replicas && pods.every(([, p]) => isReady(p) && !p.metadata.deletionTimestamp);
    if ((spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && allReady) {
      const partition = spec.updateStrategy?.rollingUpdate?.partition ?? 0;
      const stale = pods
        .filter(([i, p]) => i >= partition && p.metadata.labels?.[REVISION_LABEL] !== updateRevision)
        .sort((a, b) => b[0] - a[0]);
      if (stale[0]) deletePod(rt, stale[0][1]);
    }
    const current = rt.cache.ownedBy(GVR.pods, sts.metadata.uid).filter(isActive);
    const updated = current.filter((p) => p.metadata.labels?.[REVISION_LABEL] === updateRevision).length;
    const ready = current.filter(isReady).length;
    rt.store.mutate(GVR.statefulSets, sts.metadata.namespace, name, (o) => {
      const st = statusOf(o);
      const done = updated === replicas && ready === replicas;
      const currentRevision = done
        ? updateRevision
        : ((st.currentRevision as string | undefined) ?? updateRevision);
      o.status = {
        ...st,
        observedGeneration: o.metadata.generation ?? 1,
        replicas: current.length,
        readyReplicas: ready,
        availableReplicas: ready,
        currentReplicas: current.filter((p) => p.metadata.labels?.[REVISION_LABEL] === currentRevision)
          .length,
        updatedReplicas: updated,
        currentRevision,
        updateRevision,
        collisionCount: 0,
      };
    });
  },
};
