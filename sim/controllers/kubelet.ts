/**
 * The kubelet of every node: runs scheduled pods through the simulated container runtime,
 * writes their status (phase, conditions, containerStatuses, IPs), restarts crashing containers
 * with growing back-off, finishes graceful deletions and removes pods whose node is gone.
 */
import type { KObject } from '../store/api';
import { isoSeconds } from './clock';
import {
  containerStatusJson,
  isContainerReady,
  step,
  type ContainerState,
  type Happening,
  type StepContext,
} from './container-state';
import { containerFate } from './fate';
import { GVR, keyOf } from './gvr';
import { NODE_DOWN } from './nodes';
import { PodIps } from './pod-ips';
import { isFinished, phaseOf, setCondition, specOf, statusOf, type Container } from './pods';
import type { Controller, Runtime } from './runtime';

export const KUBELET = 'kubelet';
const ORPHAN_QUARANTINE_MS = 40_000;

interface PodState {
  uid: string;
  node: string;
  startedAt: number;
  containers: ContainerState[];
  killingAt?: number;
}

function newContainer(pod: KObject, c: Container, t: number): ContainerState {
  const delay = Math.min(c.readinessProbe?.initialDelaySeconds ?? 0, 30) * 1000;
  return {
    name: c.name,
    image: c.image ?? '',
    fate: containerFate(pod, c),
    stage: 'creating',
    next: t,
    readinessDelayMs: delay,
    restarts: 0,
    pullFailures: 0,
    everStarted: false,
  };
}

function hostIpOf(node: KObject): string {
  const addresses = (statusOf(node).addresses as Array<{ type: string; address: string }> | undefined) ?? [];
  return addresses.find((a) => a.type === 'InternalIP')?.address ?? addresses[0]?.address ?? '';
}

export function createKubelet(): Controller {
  const pods = new Map<string, PodState>();
  const ips = new PodIps();
  /** Nodes seen deleted: their pods go at once (a pod naming a node that never existed waits out the quarantine). */
  const goneNodes = new Set<string>();

  const forget = (key: string) => {
    const s = pods.get(key);
    if (s) ips.release(s.node, s.uid);
    pods.delete(key);
  };

  const emit = (rt: Runtime, pod: KObject, node: string, c: ContainerState, h: Happening) =>
    rt.events.record(pod, h.type, h.reason, h.message, {
      host: node,
      fieldPath: `spec.containers{${c.name}}`,
    });

  return {
    name: KUBELET,
    watches: [GVR.pods, GVR.nodes],
    start(rt) {
      for (const pod of rt.cache.all(GVR.pods))
        if (specOf(pod).nodeName) rt.enqueue(KUBELET, keyOf(pod.metadata.namespace, pod.metadata.name ?? ''));
    },
    onEvent(event, rt) {
      if (event.gvr === GVR.pods) {
        const key = keyOf(event.object.metadata.namespace, event.object.metadata.name ?? '');
        if (event.type === 'DELETED') {
          if (pods.get(key)?.uid === event.object.metadata.uid) forget(key);
        } else if (specOf(event.object).nodeName) rt.enqueue(KUBELET, key);
      } else if (event.gvr === GVR.nodes && event.type !== 'DELETED') {
        goneNodes.delete(event.object.metadata.name ?? '');
        if (event.object.metadata.annotations?.[NODE_DOWN] !== 'true')
          for (const pod of rt.cache.podsOnNode(event.object.metadata.name ?? ''))
            if (!pods.has(keyOf(pod.metadata.namespace, pod.metadata.name ?? '')))
              rt.enqueue(KUBELET, keyOf(pod.metadata.namespace, pod.metadata.name ?? ''));
      } else if (event.gvr === GVR.nodes && event.type === 'DELETED') {
        goneNodes.add(event.object.metadata.name ?? '');
        for (const pod of rt.cache.podsOnNode(event.object.metadata.name ?? ''))
          rt.enqueue(KUBELET, keyOf(pod.metadata.namespace, pod.metadata.name ?? ''));
      }
    },
    reconcile(key, rt) {
      const pod = rt.cache.get(GVR.pods, key);
      let state = pods.get(key);
      if (state && (!pod || state.uid !== pod.metadata.uid)) {
        forget(key);
        state = undefined;
      }
      if (!pod) return;
      const spec = specOf(pod);
      const nodeName = spec.nodeName;
      if (!nodeName) return;
      const ns = pod.metadata.namespace;
      const name = pod.metadata.name ?? '';
      const node = rt.cache.get(GVR.nodes, nodeName);
      const now = rt.now();
      if (!node) {
        // Like the pod GC: pods bound to a node that does not exist go away after a 40 s quarantine.
        const age = now - (Date.parse(pod.metadata.creationTimestamp ?? '') || now);
        if (age < ORPHAN_QUARANTINE_MS && !goneNodes.has(nodeName)) {
          rt.after(ORPHAN_QUARANTINE_MS - age, KUBELET, key);
          return;
        }
        try {
          rt.store.delete(GVR.pods, ns, name);
        } catch {
          // gone already
        }
        return;
      }
      // A node whose kubelet is down reports nothing: its pods keep their last status.
      if (node.metadata.annotations?.[NODE_DOWN] === 'true') return;
      if (pod.metadata.deletionTimestamp) {
        if (!state) state = { uid: pod.metadata.uid ?? '', node: nodeName, startedAt: now, containers: [] };
        pods.set(key, state);
        if (state.killingAt === undefined) {
          state.killingAt = now;
          for (const c of state.containers.filter((x) => x.stage === 'running'))
            emit(rt, pod, nodeName, c, {
              type: 'Normal',
              reason: 'Killing',
              message: `Stopping container ${c.name}`,
            });
          rt.after(rt.timings.terminationMs, KUBELET, key);
        }
        if (now >= state.killingAt + rt.timings.terminationMs) {
          forget(key);
          try {
            rt.store.delete(GVR.pods, ns, name);
          } catch {
            // gone already
          }
        }
        return;
      }
      if (isFinished(pod) && !state) return;
      if (!state) {
        state = {
          uid: pod.metadata.uid ?? '',
          node: nodeName,
          startedAt: now,
          containers: (spec.containers ?? []).map((c, i) =>
            newContainer(pod, c, now + rt.timings.podStartMs + i * 150),
          ),
        };
        pods.set(key, state);
        for (const c of spec.containers ?? []) {
          const always = (c as { imagePullPolicy?: string }).imagePullPolicy === 'Always';
          emit(
            rt,
            pod,
            nodeName,
            state.containers.find((x) => x.name === c.name) as ContainerState,
            always || rt.rand.next() < 0.3
              ? { type: 'Normal', reason: 'Pulling', message: `Pulling image "${c.image}"` }
              : {
                  type: 'Normal',
                  reason: 'Pulled',
                  message: `Container image "${c.image}" already present on machine`,
                },
          );
        }
      }
      const ctx: StepContext = {
        restartPolicy: spec.restartPolicy ?? 'Always',
        podName: name,
        podRef: `${name}_${ns}(${pod.metadata.uid})`,
        timings: rt.timings,
        pullAlways: true,
      };
      for (const c of state.containers) {
        let guard = 0;
        while (c.next !== undefined && c.next <= now && guard++ < 1000) {
          const out: Happening[] = [];
          step(c, ctx, out);
          for (const h of out) emit(rt, pod, nodeName, c, h);
        }
      }
      writeStatus(rt, pod, node, state, ips, now);
      const wake = Math.min(
        ...state.containers.flatMap((c) => [
          c.next ?? Infinity,
          c.readyAt !== undefined && c.readyAt > now ? c.readyAt : Infinity,
        ]),
      );
      if (Number.isFinite(wake)) rt.after(wake - now, KUBELET, key);
    },
  };
}

function writeStatus(
  rt: Runtime,
  pod: KObject,
  node: KObject,
  state: PodState,
  ips: PodIps,
  now: number,
): void {
  const spec = specOf(pod);
  const hostIp = hostIpOf(node);
  const started = state.containers.some((c) => c.everStarted);
  const allDone = state.containers.length > 0 && state.containers.every((c) => c.stage === 'terminated');
  const phase = allDone
    ? state.containers.every((c) => c.final?.exitCode === 0)
      ? 'Succeeded'
      : 'Failed'
    : started
      ? 'Running'
      : 'Pending';
  const ready =
    !allDone && state.containers.length > 0 && state.containers.every((c) => isContainerReady(c, now));
  const podIp = spec.hostNetwork
    ? hostIp
    : ips.assign(state.node, state.uid, (node.spec as { podCIDR?: string } | undefined)?.podCIDR);
  const nowIso = isoSeconds(now);
  const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
  const notReady = state.containers.filter((c) => !isContainerReady(c, now)).map((c) => c.name);
  rt.store.mutate(GVR.pods, pod.metadata.namespace, pod.metadata.name ?? '', (p) => {
    const st = statusOf(p);
    st.phase = phase;
    st.hostIP = hostIp;
    st.hostIPs = [{ ip: hostIp }];
    if (started || phaseOf(pod) === 'Running') {
      st.podIP = podIp;
      st.podIPs = [{ ip: podIp }];
    }
    st.startTime = st.startTime ?? isoSeconds(state.startedAt);
    const reason = allDone ? 'PodCompleted' : 'ContainersNotReady';
    const message = `containers with unready status: [${notReady.join(' ')}]`;
    setCondition(
      st,
      {
        type: 'PodReadyToStartContainers',
        status: started || phase !== 'Pending' ? 'True' : 'False',
        lastProbeTime: null,
      },
      nowIso,
    );
    setCondition(st, { type: 'Initialized', status: 'True', lastProbeTime: null }, nowIso);
    setCondition(
      st,
      ready
        ? { type: 'Ready', status: 'True', lastProbeTime: null }
        : { type: 'Ready', status: 'False', reason, ...(allDone ? {} : { message }), lastProbeTime: null },
      nowIso,
    );
    setCondition(
      st,
      ready
        ? { type: 'ContainersReady', status: 'True', lastProbeTime: null }
        : {
            type: 'ContainersReady',
            status: 'False',
            reason,
            ...(allDone ? {} : { message }),
            lastProbeTime: null,
          },
      nowIso,
    );
    setCondition(st, { type: 'PodScheduled', status: 'True', lastProbeTime: null }, nowIso);
    const order = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
    (st.conditions as Array<{ type: string }>).sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
    st.containerStatuses = state.containers.map((c) => containerStatusJson(c, now, podRef));
    if (spec.initContainers?.length) {
      st.initContainerStatuses = spec.initContainers.map((c) => ({
        name: c.name,
        image: c.image,
        imageID: '',
        ready: true,
        started: false,
        restartCount: 0,
        state: {
          terminated: {
            exitCode: 0,
            reason: 'Completed',
            startedAt: isoSeconds(state.startedAt),
            finishedAt: isoSeconds(state.startedAt),
          },
        },
        lastState: {},
      }));
    }
    p.status = st;
  });
}
