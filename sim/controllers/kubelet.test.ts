import { describe, expect, it } from 'vitest';
import { genericCluster } from '../fleet/generic';
import type { KObject } from '../store/api';
import { harness } from './testing';

const spec = () => ({ ...genericCluster(0, { nodes: 2, podsPerCluster: 0 }), name: 'unit' });
const pod = (
  name: string,
  o: {
    image?: string;
    command?: string[];
    restartPolicy?: string;
    annotations?: Record<string, string>;
    hostNetwork?: boolean;
    nodeName?: string;
  } = {},
): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', ...(o.annotations ? { annotations: o.annotations } : {}) },
  spec: {
    restartPolicy: o.restartPolicy ?? 'Always',
    ...(o.hostNetwork ? { hostNetwork: true } : {}),
    ...(o.nodeName ? { nodeName: o.nodeName } : {}),
    containers: [
      {
        name: 'main',
        image: o.image ?? 'nginx:1.27.2',
        ...(o.command ? { command: o.command } : {}),
        resources: { requests: { cpu: '10m', memory: '16Mi' } },
      },
    ],
  },
});
type Cs = {
  ready: boolean;
  restartCount: number;
  state: Record<string, { reason?: string; exitCode?: number }>;
  lastState: Record<string, { exitCode?: number }>;
};
const st = (h: ReturnType<typeof harness>, name: string) =>
  (h.store.get('v1/pods', 'default', name)?.status ?? {}) as {
    phase?: string;
    podIP?: string;
    hostIP?: string;
    containerStatuses?: Cs[];
    conditions?: Array<{ type: string; status: string }>;
  };

describe('kubelet', () => {
  it('runs a pod: Running, Ready, podIP from the node CIDR, hostIP of the node', () => {
    const h = harness(spec());
    h.create('v1/pods', pod('web'));
    h.advance(2000);
    const s = st(h, 'web');
    expect(s.phase).toBe('Running');
    expect(s.containerStatuses?.[0]).toMatchObject({ ready: true, restartCount: 0, state: { running: {} } });
    expect(s.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const node = h.store.get(
      'v1/nodes',
      undefined,
      (h.store.get('v1/pods', 'default', 'web')?.spec as { nodeName: string }).nodeName,
    ) as KObject;
    const cidr = (node.spec as { podCIDR: string }).podCIDR.split('.').slice(0, 3).join('.');
    expect(s.podIP?.startsWith(`${cidr}.`)).toBe(true);
    expect(s.hostIP).toBe((node.status as { addresses: Array<{ address: string }> }).addresses[0]?.address);
  });

  it('hostNetwork pods take the node IP', () => {
    const h = harness(spec());
    h.create('v1/pods', pod('agent', { hostNetwork: true }));
    h.advance(2000);
    expect(st(h, 'agent').podIP).toBe(st(h, 'agent').hostIP);
  });

  it('crash-looping containers restart with growing back-off', () => {
    const h = harness(spec());
    h.create('v1/pods', pod('crash', { command: ['sh', '-c', 'echo boom; exit 2'] }));
    const restarts: number[] = [];
    for (let i = 0; i < 8; i++) {
      h.advance(5000, 250);
      restarts.push(st(h, 'crash').containerStatuses?.[0]?.restartCount ?? 0);
    }
    const cs = st(h, 'crash').containerStatuses?.[0] as Cs;
    expect(st(h, 'crash').phase).toBe('Running');
    expect(restarts[restarts.length - 1]).toBeGreaterThanOrEqual(3);
    // back-off grows: restarts come less often later
    const early = (restarts[1] as number) - 0;
    const late = (restarts[7] as number) - (restarts[5] as number);
    expect(late).toBeLessThanOrEqual(early);
    expect(cs.lastState.terminated?.exitCode).toBe(2);
    const reasons = h.store
      .list('v1/events', { namespace: 'default' })
      .filter((e) => (e.involvedObject as { name: string }).name === 'crash');
    const backoff = reasons.find((e) => e.reason === 'BackOff');
    expect(backoff?.type).toBe('Warning');
    expect(backoff?.count as number).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['Never', 'Failed', 0],
    ['OnFailure', 'Running', 1],
  ])('restartPolicy %s: a failing container leaves the pod %s', (restartPolicy, phase, minRestarts) => {
    const h = harness(spec());
    h.create('v1/pods', pod('once', { command: ['false'], restartPolicy }));
    h.advance(6000, 250);
    expect(st(h, 'once').phase).toBe(phase);
    expect(st(h, 'once').containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(minRestarts);
  });

  it('pods that exit 0 with restartPolicy Never succeed', () => {
    const h = harness(spec());
    h.create(
      'v1/pods',
      pod('task', { restartPolicy: 'Never', annotations: { 'sim.flotilla.dev/run-seconds': '2' } }),
    );
    h.advance(5000, 250);
    expect(st(h, 'task').phase).toBe('Succeeded');
    expect(st(h, 'task').containerStatuses?.[0]?.state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
  });

  it('bad images go ErrImagePull then ImagePullBackOff and stay Pending', () => {
    const h = harness(spec());
    h.create('v1/pods', pod('typo', { image: 'ngnix-doesnotexist:1.0' }));
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      h.advance(500);
      const w = st(h, 'typo').containerStatuses?.[0]?.state.waiting?.reason;
      if (w) seen.add(w);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['ErrImagePull', 'ImagePullBackOff']));
    expect(st(h, 'typo').phase).toBe('Pending');
  });

  it('finishes graceful deletion and removes pods of deleted nodes', () => {
    const h = harness(spec());
    h.create('v1/pods', pod('a'));
    h.advance(2000);
    h.store.mutate(
      'v1/pods',
      'default',
      'a',
      (p) => void (p.metadata.deletionTimestamp = new Date(h.clock.now()).toISOString()),
    );
    h.advance(1000);
    expect(h.store.get('v1/pods', 'default', 'a')).toBeUndefined();
    const node = h.store.list('v1/nodes')[0] as KObject;
    h.create('v1/pods', pod('b', { nodeName: node.metadata.name }));
    h.advance(2000);
    h.store.delete('v1/nodes', undefined, node.metadata.name ?? '');
    h.advance(500);
    expect(h.store.get('v1/pods', 'default', 'b')).toBeUndefined();
  });

  it('a pod bound to a node that never existed is collected after a quarantine', () => {
    const h = harness(spec());
    h.create('v1/pods', pod('lost', { nodeName: 'no-such-node' }));
    h.advance(20_000, 1000);
    expect(h.store.get('v1/pods', 'default', 'lost')).toBeDefined();
    h.advance(25_000, 1000);
    expect(h.store.get('v1/pods', 'default', 'lost')).toBeUndefined();
  });

  it('containers marked to run out of memory are OOMKilled and restart', () => {
    const h = harness(spec());
    h.create('v1/pods', pod('hog', { annotations: { 'sim.flotilla.dev/oom': 'main' } }));
    h.advance(6000, 250);
    const cs = st(h, 'hog').containerStatuses?.[0] as Cs & {
      lastState: { terminated?: { reason?: string; exitCode?: number } };
    };
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
    expect(cs.lastState.terminated).toMatchObject({ reason: 'OOMKilled', exitCode: 137 });
  });
});
