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
  /** pod key → service keys it belongs to, and the reverse: kept from pod events so reconciles never scan a namespace. */
  const podServices = new Map<string, Set<string>>();
  const servicePods = new Map<string, Set<string>>();
  /** Services whose membership must be rebuilt from a namespace scan (new or changed selector). */
  const rescan = new Set<string>();
  const link = (pod: string, svc: string) => {
    let a = podServices.get(pod);
    if (!a) podServices.set(pod, (a = new Set()));
    a.add(svc);
    let b = servicePods.get(svc);
    if (!b) servicePods.set(svc, (b = new Set()));
    b.add(pod);
  };
  const unlink = (pod: string, svc: string) => {
    podServices.get(pod)?.delete(svc);
    servicePods.get(svc)?.delete(pod);
  };
  /** Services indexed by one pair of their selector ('ns\0key=value'), so a pod finds candidates by its labels. */
  const bySelectorPair = new Map<string, Set<string>>();
  const indexedAs = new Map<string, string>();
  const indexService = (svc: KObject | undefined, key: string) => {
    const old = indexedAs.get(key);
    if (old) bySelectorPair.get(old)?.delete(key);
    indexedAs.delete(key);
    const first = Object.entries((svc && selectorOf(svc)) ?? {}).sort()[0];
    if (!svc || !first) return;
    const bucket = `${svc.metadata.namespace}\0${first[0]}=${first[1]}`;
    let set = bySelectorPair.get(bucket);
    if (!set) bySelectorPair.set(bucket, (set = new Set()));
    set.add(key);
    indexedAs.set(key, bucket);
  };
  const onPod = (rt: Runtime, pod: KObject, deleted: boolean) => {
    const key = keyOf(pod.metadata.namespace, pod.metadata.name ?? '');
    const before = new Set(podServices.get(key) ?? []);
    const after = new Set<string>();
    if (!deleted)
      for (const [k, v] of Object.entries(pod.metadata.labels ?? {}))
        for (const svcKey of bySelectorPair.get(`${pod.metadata.namespace}\0${k}=${v}`) ?? []) {
          const svc = rt.cache.get(GVR.services, svcKey);
          if (svc && mapSelectorMatches(selectorOf(svc), pod.metadata.labels)) after.add(svcKey);
        }
    for (const s of before) if (!after.has(s)) unlink(key, s);
    for (const s of after) link(key, s);
    if (podServices.get(key)?.size === 0) podServices.delete(key);
    for (const s of new Set([...before, ...after])) rt.enqueue(ENDPOINTS, s);
  };
  const rebuild = (
    rt: Runtime,
    key: string,
    selector: Record<string, string> | undefined,
    ns: string | undefined,
  ) => {
    for (const pod of servicePods.get(key) ?? []) podServices.get(pod)?.delete(key);
    servicePods.delete(key);
    if (!selector) return;
    for (const p of rt.cache.inNamespace(GVR.pods, ns))
      if (mapSelectorMatches(selector, p.metadata.labels)) link(keyOf(ns, p.metadata.name ?? ''), key);
  };
  return {
    name: ENDPOINTS,
    watches: [GVR.services, GVR.pods],
    onEvent(event, rt) {
      if (event.gvr === GVR.services) {
        const key = keyOf(event.object.metadata.namespace, event.object.metadata.name ?? '');
        indexService(event.type === 'DELETED' ? undefined : event.object, key);
        rescan.add(key);
        rt.enqueue(ENDPOINTS, key);
      } else if (event.gvr === GVR.pods) onPod(rt, event.object, event.type === 'DELETED');
    },
    start(rt) {
      for (const s of rt.cache.all(GVR.services)) {
        const key = keyOf(s.metadata.namespace, s.metadata.name ?? '');
        indexService(s, key);
        rescan.add(key);
        rt.enqueue(ENDPOINTS, key);
      }
    },
    reconcile(key, rt) {
      const { namespace: ns, name } = splitKey(key);
      const svc = rt.cache.get(GVR.services, key);
      const selector = svc ? selectorOf(svc) : undefined;
      if (!svc || !selector || Object.keys(selector).length === 0) {
        rebuild(rt, key, undefined, ns);
        rescan.delete(key);
        if (!svc) {
          try {
            rt.store.delete(GVR.endpoints, ns, name);
          } catch {
            // not there
          }
          try {
            if (rt.store.typeOf(GVR.endpointSlices))
              rt.store.delete(GVR.endpointSlices, ns, `${name}-${safeHash(key, 5)}`);
          } catch {
            // not there
          }
        }
        return;
      }
      if (!rt.namespaceOpen(ns)) return;
      if (rescan.delete(key)) rebuild(rt, key, selector, ns);
      const pods = [...(servicePods.get(key) ?? [])]
        .map((k) => rt.cache.get(GVR.pods, k))
        .filter(
          (p): p is KObject => p !== undefined && phaseOf(p) !== 'Succeeded' && phaseOf(p) !== 'Failed',
        );
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
