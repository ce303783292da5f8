/** Endpoints and EndpointSlices for every service with a selector, from the pods it selects. */
import type { KObject } from '../store/api';
import { safeHash } from '../fleet/rand';
import { GVR, keyOf, splitKey } from './gvr';
import { isReady, ownerRef, phaseOf, specOf, statusOf, type Container } from './pods';
import { mapSelectorMatches } from './selectors';
import type { Controller, Runtime } from './runtime';

export const ENDPOINTS = 'endpoints';

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
  protocol?: string;
  appProtocol?: string;
}

/** A service port's target on a given pod (named ports resolve against the pod's containers). */
export function resolveTargetPort(sp: ServicePort, pod: KObject): number | undefined {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  for (const c of (specOf(pod).containers ?? []) as Container[])
    for (const p of c.ports ?? []) if (p.name === t) return p.containerPort;
  return undefined;
}

const selectorOf = (svc: KObject) =>
  (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;

export function createEndpointsController(): Controller {
  /** pod key → service keys it was counted in (so relabelled pods leave their old services). */
  const membership = new Map<string, Set<string>>();
  const enqueueForPod = (rt: Runtime, pod: KObject, deleted: boolean) => {
    const key = keyOf(pod.metadata.namespace, pod.metadata.name ?? '');
    const targets = new Set(membership.get(key) ?? []);
    if (!deleted)
      for (const svc of rt.cache.inNamespace(GVR.services, pod.metadata.namespace))
        if (mapSelectorMatches(selectorOf(svc), pod.metadata.labels))
          targets.add(keyOf(svc.metadata.namespace, svc.metadata.name ?? ''));
    for (const t of targets) rt.enqueue(ENDPOINTS, t);
  };
  return {
    name: ENDPOINTS,
    onEvent(event, rt) {
      if (event.gvr === GVR.services)
        rt.enqueue(ENDPOINTS, keyOf(event.object.metadata.namespace, event.object.metadata.name ?? ''));
      else if (event.gvr === GVR.pods) enqueueForPod(rt, event.object, event.type === 'DELETED');
    },
    start(rt) {
      for (const s of rt.cache.all(GVR.services))
        rt.enqueue(ENDPOINTS, keyOf(s.metadata.namespace, s.metadata.name ?? ''));
    },
    reconcile(key, rt) {
      const { namespace: ns, name } = splitKey(key);
      const svc = rt.cache.get(GVR.services, key);
      const selector = svc ? selectorOf(svc) : undefined;
      if (!svc || !selector || Object.keys(selector).length === 0) {
        for (const set of membership.values()) set.delete(key);
        if (!svc) {
          for (const [gvr, n] of [
            [GVR.endpoints, name],
            [GVR.endpointSlices, `${name}-${safeHash(key, 5)}`],
          ] as const) {
            try {
              if (
                rt.store.get(gvr, ns, n)?.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] !==
                  undefined ||
                gvr === GVR.endpoints
              )
                rt.store.delete(gvr, ns, n);
            } catch {
              // not there
            }
          }
        }
        return;
      }
      const pods = rt.cache
        .inNamespace(GVR.pods, ns)
        .filter(
          (p) =>
            mapSelectorMatches(selector, p.metadata.labels) &&
            phaseOf(p) !== 'Succeeded' &&
            phaseOf(p) !== 'Failed',
        );
      for (const set of membership.values()) set.delete(key);
      for (const p of pods) {
        const pk = keyOf(p.metadata.namespace, p.metadata.name ?? '');
        let set = membership.get(pk);
        if (!set) membership.set(pk, (set = new Set()));
        set.add(key);
      }
      const ports = ((svc.spec as { ports?: ServicePort[] }).ports ?? []) as ServicePort[];
      const withIp = pods
        .filter((p) => statusOf(p).podIP)
        .sort((a, b) => String(statusOf(a).podIP).localeCompare(String(statusOf(b).podIP)));
      const address = (p: KObject) => ({
        ip: statusOf(p).podIP as string,
        nodeName: specOf(p).nodeName,
        targetRef: { kind: 'Pod', namespace: ns, name: p.metadata.name, uid: p.metadata.uid },
      });
      const ready = withIp.filter((p) => isReady(p) && !p.metadata.deletionTimestamp);
      const notReady = withIp.filter((p) => !isReady(p) || p.metadata.deletionTimestamp);
      const sample = withIp[0];
      const epPorts = ports.map((sp) => ({
        ...(sp.name ? { name: sp.name } : {}),
        port:
          (sample && resolveTargetPort(sp, sample)) ??
          (typeof sp.targetPort === 'number' ? sp.targetPort : sp.port),
        protocol: sp.protocol ?? 'TCP',
        ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}),
      }));
      const subsets = withIp.length
        ? [
            {
              ...(ready.length ? { addresses: ready.map(address) } : {}),
              ...(notReady.length ? { notReadyAddresses: notReady.map(address) } : {}),
              ports: epPorts,
            },
          ]
        : undefined;
      const labels = { ...svc.metadata.labels };
      const existing = rt.store.get(GVR.endpoints, ns, name);
      if (!existing)
        rt.store.create(GVR.endpoints, {
          apiVersion: 'v1',
          kind: 'Endpoints',
          metadata: { name, namespace: ns, labels },
          ...(subsets ? { subsets } : {}),
        });
      else
        rt.store.mutate(GVR.endpoints, ns, name, (o) => {
          o.metadata.labels = labels;
          if (subsets) o.subsets = subsets;
          else delete o.subsets;
        });
      if (!rt.store.typeOf(GVR.endpointSlices)) return;
      const sliceName = `${name}-${safeHash(key, 5)}`;
      const zoneOf = (p: KObject) =>
        rt.cache.get(GVR.nodes, specOf(p).nodeName ?? '')?.metadata.labels?.['topology.kubernetes.io/zone'];
      const slice = {
        addressType: 'IPv4',
        endpoints: withIp.map((p) => {
          const zone = zoneOf(p);
          return {
            addresses: [statusOf(p).podIP as string],
            conditions: {
              ready: isReady(p) && !p.metadata.deletionTimestamp,
              serving: isReady(p),
              terminating: Boolean(p.metadata.deletionTimestamp),
            },
            nodeName: specOf(p).nodeName,
            targetRef: { kind: 'Pod', namespace: ns, name: p.metadata.name, uid: p.metadata.uid },
            ...(zone ? { zone } : {}),
          };
        }),
        ports: epPorts,
      };
      const sliceLabels = {
        ...labels,
        'kubernetes.io/service-name': name,
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      };
      if (!rt.store.get(GVR.endpointSlices, ns, sliceName)) {
        rt.store.create(GVR.endpointSlices, {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: { name: sliceName, namespace: ns, labels: sliceLabels, ownerReferences: [ownerRef(svc)] },
          ...slice,
        });
      } else
        rt.store.mutate(GVR.endpointSlices, ns, sliceName, (o) => {
          o.metadata.labels = sliceLabels;
          Object.assign(o, slice);
        });
    },
  };
}
