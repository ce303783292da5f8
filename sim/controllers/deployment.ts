/** Deployment controller: one ReplicaSet per pod template, rolled over by RollingUpdate or Recreate. */
import type { KObject } from '../store/api';
import { controllerOf } from './cache';
import { isoSeconds } from './clock';
import { GVR, keyOf } from './gvr';
import { conditionOf, isActive, ownerRef, setCondition, statusOf, templateHash } from './pods';
import { enqueueOwner } from './replicaset';
import { newReplicaSetSize, resolveSurge, scaleDownOld, type RsCounts, type Surge } from './rollout';
import type { Controller, Runtime } from './runtime';

export const DEPLOY = 'deployment';
const REVISION = 'deployment.kubernetes.io/revision';

interface DeploySpec {
  replicas?: number;
  paused?: boolean;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: unknown; maxUnavailable?: unknown } };
  template?: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: object;
  };
}

const revisionOf = (rs: KObject): number => Number(rs.metadata.annotations?.[REVISION] ?? 0);
const specReplicas = (rs: KObject): number => (rs.spec as { replicas?: number }).replicas ?? 0;
const counts = (rs: KObject): RsCounts => ({
  spec: specReplicas(rs),
  available: (statusOf(rs).availableReplicas as number | undefined) ?? 0,
});

function scaleRs(rt: Runtime, d: KObject, rs: KObject, to: number, maxReplicas: number): void {
  const from = specReplicas(rs);
  if (from === to) return;
  rt.store.mutate(GVR.replicaSets, rs.metadata.namespace, rs.metadata.name ?? '', (o) => {
    (o.spec as { replicas: number }).replicas = to;
    o.metadata.annotations = {
      ...o.metadata.annotations,
      'deployment.kubernetes.io/desired-replicas': String((d.spec as DeploySpec).replicas ?? 1),
      'deployment.kubernetes.io/max-replicas': String(maxReplicas),
    };
  });
  const verb = to > from ? 'up' : 'down';
  rt.events.record(
    d,
    'Normal',
    'ScalingReplicaSet',
    `Scaled ${verb} replica set ${rs.metadata.name} to ${to} from ${from}`,
    { component: 'deployment-controller' },
  );
}

function createNewRs(
  rt: Runtime,
  d: KObject,
  spec: DeploySpec,
  hash: string,
  revision: number,
  replicas: number,
  maxReplicas: number,
): KObject | undefined {
  const name = `${d.metadata.name}-${hash}`;
  const template = structuredClone(spec.template ?? {});
  template.metadata = {
    ...template.metadata,
    labels: { ...template.metadata?.labels, 'pod-template-hash': hash },
  };
  const rs: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels: template.metadata.labels,
      annotations: {
        [REVISION]: String(revision),
        'deployment.kubernetes.io/desired-replicas': String(spec.replicas ?? 1),
        'deployment.kubernetes.io/max-replicas': String(maxReplicas),
      },
      ownerReferences: [ownerRef(d)],
    },
    spec: {
      replicas,
      minReadySeconds: spec.minReadySeconds ?? 0,
      selector: {
        ...spec.selector,
        matchLabels: { ...spec.selector?.matchLabels, 'pod-template-hash': hash },
      },
      template,
    },
  };
  try {
    const created = rt.store.create(GVR.replicaSets, rs);
    rt.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas}`, {
      component: 'deployment-controller',
    });
    return created;
  } catch (err) {
    rt.log(
      `deployment ${keyOf(d.metadata.namespace, d.metadata.name ?? '')}: cannot create ReplicaSet ${name}: ${(err as Error).message}`,
    );
    return undefined;
  }
}

function rollingUpdate(
  rt: Runtime,
  d: KObject,
  replicas: number,
  surge: Surge,
  newRs: KObject,
  olds: KObject[],
): void {
  const maxReplicas = replicas + surge.maxSurge;
  const target = newReplicaSetSize(replicas, surge, counts(newRs), [newRs, ...olds].map(counts));
  if (target > specReplicas(newRs)) {
    // Like the real controller: scale up in this pass, scale down old ones in the next.
    scaleRs(rt, d, newRs, target, maxReplicas);
    return;
  }
  scaleRs(rt, d, newRs, target, maxReplicas);
  const fresh = (rs: KObject) =>
    rt.cache.get(GVR.replicaSets, keyOf(rs.metadata.namespace, rs.metadata.name ?? '')) ?? rs;
  const freshOlds = olds
    .map(fresh)
    .sort(
      (a, b) =>
        (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
        revisionOf(a) - revisionOf(b),
    );
  const sizes = scaleDownOld(replicas, surge, counts(fresh(newRs)), freshOlds.map(counts));
  freshOlds.forEach((rs, i) => scaleRs(rt, d, rs, sizes[i] as number, maxReplicas));
}

function recreate(rt: Runtime, d: KObject, replicas: number, newRs: KObject, olds: KObject[]): void {
  for (const rs of olds) scaleRs(rt, d, rs, 0, replicas);
  const oldPods = olds.some((rs) => rt.cache.ownedBy(GVR.pods, rs.metadata.uid).length > 0);
  if (!oldPods) scaleRs(rt, d, newRs, replicas, replicas);
}

function cleanup(rt: Runtime, spec: DeploySpec, olds: KObject[]): void {
  const limit = spec.revisionHistoryLimit ?? 10;
  const idle = olds
    .filter((rs) => specReplicas(rs) === 0 && ((statusOf(rs).replicas as number | undefined) ?? 0) === 0)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
    if (rt.cache.ownedBy(GVR.pods, rs.metadata.uid).length > 0) continue;
    try {
      rt.store.delete(GVR.replicaSets, rs.metadata.namespace, rs.metadata.name ?? '');
    } catch {
      // already gone
    }
  }
}

function syncStatus(
  rt: Runtime,
  d: KObject,
  replicas: number,
  surge: Surge,
  newRs: KObject | undefined,
  all: KObject[],
): void {
  const sum = (f: string) => all.reduce((n, rs) => n + ((statusOf(rs)[f] as number | undefined) ?? 0), 0);
  const total = sum('replicas');
  const ready = sum('readyReplicas');
  const available = sum('availableReplicas');
  const updated = newRs ? ((statusOf(newRs).replicas as number | undefined) ?? 0) : 0;
  const spec = d.spec as DeploySpec;
  const now = rt.now();
  const nowIso = isoSeconds(now);
  const complete =
    updated === replicas && total === replicas && available === replicas && newRs !== undefined;
  const deadline = (spec.progressDeadlineSeconds ?? 600) * 1000;
  const key = keyOf(d.metadata.namespace, d.metadata.name ?? '');
  rt.store.mutate(GVR.deployments, d.metadata.namespace, d.metadata.name ?? '', (o) => {
    const before = statusOf(o);
    const st: Record<string, unknown> = { ...before };
    const progressed =
      before.updatedReplicas !== updated ||
      before.availableReplicas !== available ||
      before.readyReplicas !== ready ||
      before.replicas !== total;
    st.observedGeneration = o.metadata.generation ?? 1;
    st.replicas = total;
    st.updatedReplicas = updated;
    st.readyReplicas = ready;
    st.availableReplicas = available;
    if (replicas - available > 0) st.unavailableReplicas = replicas - available;
    else delete st.unavailableReplicas;
    setCondition(
      st,
      available >= replicas - surge.maxUnavailable
        ? {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
            lastUpdateTime: nowIso,
          }
        : {
            type: 'Available',
            status: 'False',
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
            lastUpdateTime: nowIso,
          },
      nowIso,
    );
    const prev = conditionOf({ ...o, status: before } as KObject, 'Progressing');
    const name = newRs?.metadata.name ?? '';
    if (spec.paused) {
      setCondition(
        st,
        {
          type: 'Progressing',
          status: 'Unknown',
          reason: 'DeploymentPaused',
          message: 'Deployment is paused',
          lastUpdateTime: nowIso,
        },
        nowIso,
      );
    } else if (complete) {
      setCondition(
        st,
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
          message: `ReplicaSet "${name}" has successfully progressed.`,
          lastUpdateTime: prev?.reason === 'NewReplicaSetAvailable' ? prev.lastUpdateTime : nowIso,
        },
        nowIso,
      );
    } else {
      const since = Date.parse(prev?.lastUpdateTime ?? '') || now;
      const stale = !progressed && prev?.reason !== 'NewReplicaSetAvailable' && now - since > deadline;
      if (stale || (prev?.reason === 'ProgressDeadlineExceeded' && !progressed)) {
        setCondition(
          st,
          {
            type: 'Progressing',
            status: 'False',
            reason: 'ProgressDeadlineExceeded',
            message: `ReplicaSet "${name}" has timed out progressing.`,
            lastUpdateTime: prev?.lastUpdateTime ?? nowIso,
          },
          nowIso,
        );
      } else {
        const c = {
          type: 'Progressing',
          status: 'True',
          reason: 'ReplicaSetUpdated',
          message: `ReplicaSet "${name}" is progressing.`,
          lastUpdateTime:
            progressed || prev?.reason !== 'ReplicaSetUpdated' ? nowIso : (prev?.lastUpdateTime ?? nowIso),
        };
        setCondition(st, c, nowIso);
        (st.conditions as Array<{ type: string; lastUpdateTime?: string }>).forEach((x) => {
          if (x.type === 'Progressing') x.lastUpdateTime = c.lastUpdateTime;
        });
      }
    }
    const list = st.conditions as Array<{ type: string }>;
    list.sort((a, b) => (a.type === 'Available' ? -1 : b.type === 'Available' ? 1 : 0));
    o.status = st;
  });
  if (!complete && !spec.paused) rt.after(deadline + 1000, DEPLOY, key);
}

export const deploymentController: Controller = {
  name: DEPLOY,
  watches: [GVR.deployments, GVR.replicaSets, GVR.pods],
  onEvent(event, rt) {
    if (event.gvr === GVR.deployments)
      rt.enqueue(DEPLOY, keyOf(event.object.metadata.namespace, event.object.metadata.name ?? ''));
    else if (event.gvr === GVR.replicaSets) enqueueOwner(rt, event, 'Deployment', DEPLOY);
    else if (event.gvr === GVR.pods && event.type === 'DELETED') {
      // Recreate waits for old pods to be gone, which changes no ReplicaSet status.
      const rsUid = controllerOf(event.object)?.uid;
      const rs = rsUid ? rt.cache.byUidRef(rsUid)?.object : undefined;
      const d = rs ? controllerOf(rs) : undefined;
      if (rs && d?.kind === 'Deployment') rt.enqueue(DEPLOY, keyOf(rs.metadata.namespace, d.name));
    }
  },
  start(rt) {
    for (const d of rt.cache.all(GVR.deployments))
      rt.enqueue(DEPLOY, keyOf(d.metadata.namespace, d.metadata.name ?? ''));
  },
  reconcile(key, rt) {
    const d = rt.cache.get(GVR.deployments, key);
    if (!d || d.metadata.deletionTimestamp || !rt.namespaceOpen(d.metadata.namespace)) return;
    const spec = d.spec as DeploySpec;
    const replicas = spec.replicas ?? 1;
    const surge =
      spec.strategy?.type === 'Recreate'
        ? { maxSurge: 0, maxUnavailable: replicas }
        : resolveSurge(spec.strategy?.rollingUpdate, replicas);
    const owned = () =>
      rt.cache.ownedBy(GVR.replicaSets, d.metadata.uid).filter((rs) => !rs.metadata.deletionTimestamp);
    const hash = templateHash(spec.template ?? {});
    let newRs = owned().find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    const maxRevision = owned().reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
    if (!spec.paused) {
      if (!newRs) {
        const olds = owned();
        const anyOld = olds.some(
          (rs) => specReplicas(rs) > 0 || rt.cache.ownedBy(GVR.pods, rs.metadata.uid).some(isActive),
        );
        const initial = !anyOld
          ? replicas
          : spec.strategy?.type === 'Recreate'
            ? 0
            : newReplicaSetSize(replicas, surge, { spec: 0, available: 0 }, olds.map(counts));
        newRs = createNewRs(rt, d, spec, hash, maxRevision + 1, initial, replicas + surge.maxSurge);
      } else if (revisionOf(newRs) < maxRevision) {
        rt.store.mutate(GVR.replicaSets, newRs.metadata.namespace, newRs.metadata.name ?? '', (o) => {
          o.metadata.annotations = { ...o.metadata.annotations, [REVISION]: String(maxRevision + 1) };
        });
      }
      if (newRs) {
        const current =
          rt.cache.get(GVR.replicaSets, keyOf(newRs.metadata.namespace, newRs.metadata.name ?? '')) ?? newRs;
        const olds = owned().filter((rs) => rs.metadata.uid !== current.metadata.uid);
        if (spec.strategy?.type === 'Recreate') recreate(rt, d, replicas, current, olds);
        else if (olds.every((rs) => specReplicas(rs) === 0))
          scaleRs(rt, d, current, replicas, replicas + surge.maxSurge);
        else rollingUpdate(rt, d, replicas, surge, current, olds);
        cleanup(
          rt,
          spec,
          owned().filter((rs) => rs.metadata.uid !== current.metadata.uid),
        );
      }
    } else if (newRs && owned().every((rs) => rs === newRs || specReplicas(rs) === 0)) {
      scaleRs(rt, d, newRs, replicas, replicas + surge.maxSurge);
    }
    const all = owned();
    newRs = all.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
    if (newRs) {
      const rev = revisionOf(newRs);
      if (d.metadata.annotations?.[REVISION] !== String(rev)) {
        rt.store.mutate(GVR.deployments, d.metadata.namespace, d.metadata.name ?? '', (o) => {
          o.metadata.annotations = { ...o.metadata.annotations, [REVISION]: String(rev) };
        });
      }
    }
    syncStatus(rt, rt.cache.get(GVR.deployments, key) ?? d, replicas, surge, newRs, all);
  },
};
