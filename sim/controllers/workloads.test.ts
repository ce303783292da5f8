import { describe, expect, it } from 'vitest';
import { container, cronJob, daemonSet, job, statefulSet } from '../fleet/builders';
import { genericCluster } from '../fleet/generic';
import type { KObject } from '../store/api';
import { harness } from './testing';

const spec = (nodes = 3) => ({ ...genericCluster(0, { nodes, podsPerCluster: 0 }), name: 'unit' });
const st = (o: KObject | undefined) => (o?.status ?? {}) as Record<string, unknown>;
const c = (extra: Record<string, unknown> = {}) => [
  { ...container({ name: 'c', image: 'busybox:1.36.1', cpu: '10m', memory: '16Mi' }), ...extra },
];
const sc: KObject = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'csi.example.com',
};

describe('statefulset', () => {
  it('creates ordered pods with stable names and bound PVCs, scales down from the top, rolls from the top', () => {
    const h = harness(spec());
    h.create('storage.k8s.io/v1/storageclasses', sc);
    const created: string[] = [];
    h.store.subscribe(
      (e) => e.gvr === 'v1/pods' && e.type === 'ADDED' && created.push(e.object.metadata.name ?? ''),
    );
    h.create(
      'apps/v1/statefulsets',
      statefulSet({
        name: 'db',
        namespace: 'default',
        labels: { app: 'db' },
        replicas: 3,
        serviceName: 'db',
        storage: '1Gi',
        containers: c(),
      }),
    );
    h.advance(8000);
    expect(created).toEqual(['db-0', 'db-1', 'db-2']);
    const pvcs = h.store.list('v1/persistentvolumeclaims', { namespace: 'default' });
    expect(pvcs.map((p) => [p.metadata.name, st(p).phase])).toEqual([
      ['data-db-0', 'Bound'],
      ['data-db-1', 'Bound'],
      ['data-db-2', 'Bound'],
    ]);
    expect(h.store.list('v1/persistentvolumes')).toHaveLength(3);
    const pod0 = h.store.get('v1/pods', 'default', 'db-0') as KObject;
    expect(pod0.spec).toMatchObject({ hostname: 'db-0', subdomain: 'db' });
    expect(st(h.store.get('apps/v1/statefulsets', 'default', 'db'))).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      updatedReplicas: 3,
    });
    h.store.mutate(
      'apps/v1/statefulsets',
      'default',
      'db',
      (o) => void ((o.spec as { replicas: number }).replicas = 1),
    );
    h.advance(6000);
    expect(h.store.list('v1/pods', { namespace: 'default' }).map((p) => p.metadata.name)).toEqual(['db-0']);
    h.store.mutate(
      'apps/v1/statefulsets',
      'default',
      'db',
      (o) => void ((o.spec as { replicas: number }).replicas = 3),
    );
    h.advance(8000);
    const deleted: string[] = [];
    h.store.subscribe(
      (e) => e.gvr === 'v1/pods' && e.type === 'DELETED' && deleted.push(e.object.metadata.name ?? ''),
    );
    h.store.mutate('apps/v1/statefulsets', 'default', 'db', (o) => {
      const t = (o.spec as { template: { metadata: { annotations?: Record<string, string> } } }).template;
      t.metadata.annotations = { restartedAt: 'now' };
    });
    h.advance(15_000);
    expect(deleted).toEqual(['db-2', 'db-1', 'db-0']);
    const s = st(h.store.get('apps/v1/statefulsets', 'default', 'db'));
    expect(s.currentRevision).toBe(s.updateRevision);
    expect(s.updatedReplicas).toBe(3);
  });
});

describe('daemonset', () => {
  it('puts one pod on each eligible node, honouring nodeSelector and taints, and follows new nodes', () => {
    const h = harness(spec(4)); // 1 tainted control plane + 3 workers
    h.create(
      'apps/v1/daemonsets',
      daemonSet({ name: 'agent', namespace: 'default', labels: { app: 'agent' }, containers: c() }),
    );
    h.create(
      'apps/v1/daemonsets',
      daemonSet({
        name: 'everywhere',
        namespace: 'default',
        labels: { app: 'everywhere' },
        tolerations: [{ operator: 'Exists' }],
        containers: c(),
      }),
    );
    h.create(
      'apps/v1/daemonsets',
      daemonSet({
        name: 'zone-a',
        namespace: 'default',
        labels: { app: 'zone-a' },
        nodeSelector: { 'topology.kubernetes.io/zone': 'us-east-1b' },
        tolerations: [{ operator: 'Exists' }],
        containers: c(),
      }),
    );
    h.advance(3000);
    const count = (app: string) =>
      h.store.list('v1/pods', { namespace: 'default', labelSelector: `app=${app}` }).length;
    expect([count('agent'), count('everywhere'), count('zone-a')]).toEqual([3, 4, 1]);
    expect(st(h.store.get('apps/v1/daemonsets', 'default', 'agent'))).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 3,
      updatedNumberScheduled: 3,
    });
    const node = structuredClone(h.store.list('v1/nodes')[1] as KObject);
    node.metadata = {
      name: 'new-node',
      labels: { ...node.metadata.labels, 'kubernetes.io/hostname': 'new-node' },
    };
    h.create('v1/nodes', node);
    h.advance(3000);
    expect(count('agent')).toBe(4);
    const pods = h.store.list('v1/pods', { namespace: 'default', labelSelector: 'app=agent' });
    expect(new Set(pods.map((p) => (p.spec as { nodeName: string }).nodeName)).size).toBe(4);
  });
});

describe('daemonset rolling update', () => {
  it('replaces pods node by node, at most maxUnavailable at a time', () => {
    const h = harness(spec(4));
    h.create(
      'apps/v1/daemonsets',
      daemonSet({ name: 'agent', namespace: 'default', labels: { app: 'agent' }, containers: c() }),
    );
    h.advance(3000);
    let worst = 0;
    h.store.subscribe(() => {
      const pods = h.store.list('v1/pods', { namespace: 'default', labelSelector: 'app=agent' });
      const ready = pods.filter(
        (p) =>
          !p.metadata.deletionTimestamp &&
          (st(p).conditions as Array<{ type: string; status: string }> | undefined)?.some(
            (x) => x.type === 'Ready' && x.status === 'True',
          ),
      );
      worst = Math.max(worst, 3 - ready.length);
    });
    h.store.mutate('apps/v1/daemonsets', 'default', 'agent', (o) => {
      const t = (o.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template;
      (t.spec.containers[0] as { image: string }).image = 'busybox:1.37.0';
    });
    h.advance(20_000, 250);
    const pods = h.store.list('v1/pods', { namespace: 'default', labelSelector: 'app=agent' });
    expect(
      pods.map((p) => (p.spec as { containers: Array<{ image: string }> }).containers[0]?.image),
    ).toEqual(['busybox:1.37.0', 'busybox:1.37.0', 'busybox:1.37.0']);
    expect(worst).toBe(1);
    expect(st(h.store.get('apps/v1/daemonsets', 'default', 'agent'))).toMatchObject({
      observedGeneration: 2,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
    });
  });
});

describe('job and cronjob', () => {
  it('runs completions with parallelism and completes', () => {
    const h = harness(spec());
    let maxActive = 0;
    h.store.subscribe(
      () =>
        (maxActive = Math.max(
          maxActive,
          (st(h.store.get('batch/v1/jobs', 'default', 'batch')).active as number) ?? 0,
        )),
    );
    h.create(
      'batch/v1/jobs',
      job({
        name: 'batch',
        namespace: 'default',
        labels: { app: 'batch' },
        completions: 5,
        parallelism: 2,
        containers: c(),
      }),
    );
    h.advance(15_000, 250);
    const s = st(h.store.get('batch/v1/jobs', 'default', 'batch'));
    expect(s.succeeded).toBe(5);
    expect(maxActive).toBe(2);
    expect(
      (s.conditions as Array<{ type: string; status: string }>).find((x) => x.type === 'Complete')?.status,
    ).toBe('True');
    expect(s.completionTime).toBeDefined();
  });

  it('fails after backoffLimit', () => {
    const h = harness(spec());
    h.create(
      'batch/v1/jobs',
      job({
        name: 'bad',
        namespace: 'default',
        labels: { app: 'bad' },
        backoffLimit: 2,
        containers: c({ command: ['sh', '-c', 'exit 1'] }),
      }),
    );
    h.advance(20_000, 250);
    const s = st(h.store.get('batch/v1/jobs', 'default', 'bad'));
    expect(
      (s.conditions as Array<{ type: string; reason: string }>).find((x) => x.type === 'Failed')?.reason,
    ).toBe('BackoffLimitExceeded');
    expect(s.failed).toBe(3);
  });

  it('cronjob makes a job per schedule and keeps history limits', () => {
    const h = harness(spec());
    const cj = cronJob({
      name: 'tick',
      namespace: 'default',
      labels: { app: 'tick' },
      schedule: '*/1 * * * *',
      containers: c(),
    });
    (cj.spec as { successfulJobsHistoryLimit: number }).successfulJobsHistoryLimit = 2;
    h.create('batch/v1/cronjobs', cj);
    h.advance(5 * 60_000 + 10_000, 1000);
    const jobs = h.store.list('batch/v1/jobs', { namespace: 'default' });
    expect(jobs).toHaveLength(2);
    for (const j of jobs) expect(j.metadata.name).toMatch(/^tick-\d{8}$/);
    const s = st(h.store.get('batch/v1/cronjobs', 'default', 'tick'));
    expect(s.lastScheduleTime).toMatch(/:0[45]:00Z$/);
    expect(s.lastSuccessfulTime).toBeDefined();
    const reasons = h.store
      .list('v1/events', { namespace: 'default' })
      .filter((e) => (e.involvedObject as { kind: string }).kind === 'CronJob')
      .map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['SuccessfulCreate', 'SuccessfulDelete']));
  });
});

describe('scheduler', () => {
  it.each([
    { name: 'too big', requests: { cpu: '64', memory: '16Mi' }, extra: {}, reason: /Insufficient cpu/ },
    {
      name: 'no matching node',
      requests: { cpu: '10m' },
      extra: { nodeSelector: { disk: 'nvme' } },
      reason: /didn't match Pod's node affinity\/selector/,
    },
    {
      name: 'only tainted nodes fit',
      requests: { cpu: '10m' },
      extra: { nodeSelector: { 'node-role.kubernetes.io/control-plane': '' } },
      reason: /untolerated taint \{node-role.kubernetes.io\/control-plane: \}/,
    },
  ])(
    '$name: stays Pending with PodScheduled=False and a FailedScheduling event',
    ({ requests, extra, reason }) => {
      const h = harness(spec(4));
      h.create('v1/pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'default' },
        spec: { containers: [{ name: 'c', image: 'nginx:1', resources: { requests } }], ...extra },
      });
      h.advance(3000);
      const pod = h.store.get('v1/pods', 'default', 'p') as KObject;
      expect(st(pod).phase).toBe('Pending');
      const cond = (
        st(pod).conditions as Array<{ type: string; status: string; reason: string; message: string }>
      )[0];
      expect(cond).toMatchObject({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' });
      expect(cond?.message).toMatch(reason);
      expect(cond?.message).toMatch(/^0\/4 nodes are available/);
      const ev = h.store
        .list('v1/events', { namespace: 'default' })
        .find((e) => e.reason === 'FailedScheduling');
      expect(ev?.type).toBe('Warning');
    },
  );

  it('schedules a pending pod once room appears, and tolerations open tainted nodes', () => {
    const h = harness(spec(4));
    const big = (name: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx:1', resources: { requests: { cpu: '5' } } }] },
    });
    for (const n of ['a', 'b', 'c', 'd']) h.create('v1/pods', big(n));
    h.advance(3000);
    const pending = () =>
      h.store
        .list('v1/pods', { namespace: 'default' })
        .filter((p) => !(p.spec as { nodeName?: string }).nodeName)
        .map((p) => p.metadata.name);
    expect(pending()).toHaveLength(1);
    const running = h.store
      .list('v1/pods', { namespace: 'default' })
      .find((p) => (p.spec as { nodeName?: string }).nodeName) as KObject;
    h.store.delete('v1/pods', 'default', running.metadata.name ?? '');
    h.advance(3000);
    expect(pending()).toHaveLength(0);
    h.create('v1/pods', {
      ...big('cp'),
      spec: {
        ...big('cp').spec,
        tolerations: [
          { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
        ],
      },
    });
    h.advance(3000);
    expect((h.store.get('v1/pods', 'default', 'cp')?.spec as { nodeName?: string }).nodeName).toMatch(
      /control-plane/,
    );
  });
});

describe('replication controller', () => {
  it('keeps its replicas like a replica set', () => {
    const h = harness(spec());
    h.create('v1/replicationcontrollers', {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'legacy', namespace: 'default' },
      spec: {
        replicas: 3,
        selector: { app: 'legacy' },
        template: { metadata: { labels: { app: 'legacy' } }, spec: { containers: c() } },
      },
    });
    h.advance(3000);
    expect(h.store.list('v1/pods', { namespace: 'default', labelSelector: 'app=legacy' })).toHaveLength(3);
    expect(st(h.store.get('v1/replicationcontrollers', 'default', 'legacy'))).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    h.store.mutate(
      'v1/replicationcontrollers',
      'default',
      'legacy',
      (o) => void ((o.spec as { replicas: number }).replicas = 1),
    );
    h.advance(3000);
    expect(
      h.store
        .list('v1/pods', { namespace: 'default', labelSelector: 'app=legacy' })
        .filter((p) => !p.metadata.deletionTimestamp),
    ).toHaveLength(1);
  });
});
