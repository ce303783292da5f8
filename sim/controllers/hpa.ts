/**
 * HorizontalPodAutoscaler (autoscaling/v2, CPU and memory Resource metrics): every sync period it
 * averages the target's pod metrics against their requests and scales within min/max, with a
 * 10% tolerance and a scale-down stabilization window, as the real controller does.
 */
import type { KObject } from '../store/api';
import { isoSeconds } from './clock';
import { GVR, keyOf } from './gvr';
import { isActive, setCondition, specOf, statusOf, type Container } from './pods';
import { quantityOr0 } from './quantity';
import { selectorMatches, type LabelSelectorObject } from './selectors';
import type { Controller, Runtime } from './runtime';

export const HPA = 'hpa';
const SYNC_MS = 15_000;
const DOWN_WINDOW_MS = 300_000;

interface MetricSpec {
  type: string;
  resource?: { name: string; target: { type: string; averageUtilization?: number; averageValue?: string } };
}

const TARGETS: Record<string, string> = {
  Deployment: GVR.deployments,
  StatefulSet: GVR.statefulSets,
  ReplicaSet: GVR.replicaSets,
};

function usageOf(rt: Runtime, pod: KObject, resource: string): number | undefined {
  const m = rt.store.get(GVR.podMetrics, pod.metadata.namespace, pod.metadata.name ?? '');
  if (!m) return undefined;
  return ((m.containers as Array<{ usage: Record<string, string> }> | undefined) ?? []).reduce(
    (n, c) => n + quantityOr0(c.usage[resource]),
    0,
  );
}

const requestOf = (pod: KObject, resource: string): number =>
  ((specOf(pod).containers ?? []) as Container[]).reduce(
    (n, c) => n + quantityOr0(c.resources?.requests?.[resource]),
    0,
  );

export function desiredReplicas(current: number, ratio: number, min: number, max: number): number {
  const raw = Math.abs(ratio - 1) <= 0.1 ? current : Math.ceil(current * ratio);
  return Math.min(max, Math.max(min, raw));
}

export function createHpaController(): Controller {
  const recommendations = new Map<string, Array<{ at: number; replicas: number }>>();
  return {
    name: HPA,
    watches: [GVR.hpas],
    onEvent(event, rt) {
      if (event.gvr === GVR.hpas && event.type !== 'DELETED')
        rt.enqueue(HPA, keyOf(event.object.metadata.namespace, event.object.metadata.name ?? ''));
    },
    start(rt) {
      for (const h of rt.cache.all(GVR.hpas))
        rt.enqueue(HPA, keyOf(h.metadata.namespace, h.metadata.name ?? ''));
    },
    reconcile(key, rt) {
      const hpa = rt.cache.get(GVR.hpas, key);
      if (!hpa) return;
      const ns = hpa.metadata.namespace;
      const spec = hpa.spec as {
        scaleTargetRef?: { kind: string; name: string };
        minReplicas?: number;
        maxReplicas?: number;
        metrics?: MetricSpec[];
      };
      const now = rt.now();
      const nowIso = isoSeconds(now);
      const gvr = TARGETS[spec.scaleTargetRef?.kind ?? ''];
      const target = gvr ? rt.cache.get(gvr, keyOf(ns, spec.scaleTargetRef?.name ?? '')) : undefined;
      rt.after(SYNC_MS, HPA, key);
      if (!target) {
        rt.store.mutate(GVR.hpas, ns, hpa.metadata.name ?? '', (o) => {
          const st = statusOf(o);
          setCondition(
            st,
            {
              type: 'AbleToScale',
              status: 'False',
              reason: 'FailedGetScale',
              message: `the HPA controller was unable to get the target's current scale: ${spec.scaleTargetRef?.kind} "${spec.scaleTargetRef?.name}" not found`,
            },
            nowIso,
          );
          o.status = st;
        });
        return;
      }
      const current = (target.spec as { replicas?: number }).replicas ?? 1;
      const min = spec.minReplicas ?? 1;
      const max = spec.maxReplicas ?? current;
      const selector = (target.spec as { selector?: LabelSelectorObject }).selector;
      const pods = rt.cache
        .inNamespace(GVR.pods, ns)
        .filter((p) => isActive(p) && selectorMatches(selector, p.metadata.labels));
      const currentMetrics: unknown[] = [];
      let ratio = 0;
      let measured = false;
      for (const m of spec.metrics ?? [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
        },
      ]) {
        if (m.type !== 'Resource' || !m.resource) continue;
        const name = m.resource.name;
        const samples = pods
          .map((p) => ({ use: usageOf(rt, p, name), req: requestOf(p, name) }))
          .filter((s) => s.use !== undefined);
        if (samples.length === 0) continue;
        measured = true;
        const use = samples.reduce((n, s) => n + (s.use ?? 0), 0);
        const req = samples.reduce((n, s) => n + s.req, 0);
        const avg = use / samples.length;
        const t = m.resource.target;
        if (t.type === 'Utilization' && req > 0) {
          const util = Math.round((use / req) * 100);
          ratio = Math.max(ratio, util / (t.averageUtilization ?? 80));
          currentMetrics.push({
            type: 'Resource',
            resource: {
              name,
              current: {
                averageUtilization: util,
                averageValue: name === 'cpu' ? `${Math.round(avg * 1000)}m` : `${Math.round(avg)}`,
              },
            },
          });
        } else if (t.averageValue) {
          ratio = Math.max(ratio, avg / (quantityOr0(t.averageValue) || 1));
          currentMetrics.push({
            type: 'Resource',
            resource: {
              name,
              current: { averageValue: name === 'cpu' ? `${Math.round(avg * 1000)}m` : `${Math.round(avg)}` },
            },
          });
        }
      }
      let desired = measured
        ? desiredReplicas(current, ratio, min, max)
        : Math.min(max, Math.max(min, current));
      const recs = (recommendations.get(key) ?? []).filter((r) => now - r.at < DOWN_WINDOW_MS);
      recs.push({ at: now, replicas: desired });
      recommendations.set(key, recs);
      if (desired < current) desired = Math.max(desired, ...recs.map((r) => r.replicas));
      const scaled = desired !== current;
      if (scaled) {
        rt.store.mutate(
          gvr as string,
          ns,
          spec.scaleTargetRef?.name ?? '',
          (o) => void ((o.spec as { replicas: number }).replicas = desired),
        );
        const metric = (spec.metrics?.[0]?.resource?.name ?? 'cpu') as string;
        rt.events.record(
          hpa,
          'Normal',
          'SuccessfulRescale',
          `New size: ${desired}; reason: ${metric} resource utilization (percentage of request) ${desired > current ? 'above' : 'below'} target`,
          { component: 'horizontal-pod-autoscaler' },
        );
      }
      rt.store.mutate(GVR.hpas, ns, hpa.metadata.name ?? '', (o) => {
        const st = statusOf(o);
        st.observedGeneration = o.metadata.generation ?? 1;
        st.currentReplicas = current;
        st.desiredReplicas = desired;
        if (scaled) st.lastScaleTime = nowIso;
        if (currentMetrics.length) st.currentMetrics = currentMetrics;
        setCondition(
          st,
          {
            type: 'AbleToScale',
            status: 'True',
            reason: scaled ? 'SucceededRescale' : 'ReadyForNewScale',
            message: scaled
              ? 'the HPA controller was able to update the target scale'
              : 'recommended size matches current size',
          },
          nowIso,
        );
        setCondition(
          st,
          measured
            ? {
                type: 'ScalingActive',
                status: 'True',
                reason: 'ValidMetricFound',
                message:
                  'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
              }
            : {
                type: 'ScalingActive',
                status: 'False',
                reason: 'FailedGetResourceMetric',
                message:
                  'the HPA was unable to compute the replica count: did not receive metrics for targeted pods (pods might be unready)',
              },
          nowIso,
        );
        const limited = desired === max || desired === min;
        setCondition(
          st,
          limited
            ? {
                type: 'ScalingLimited',
                status: 'True',
                reason: desired === max ? 'TooManyReplicas' : 'TooFewReplicas',
                message: `the desired replica count is ${desired === max ? 'more than the maximum' : 'less than the minimum'} replica count`,
              }
            : {
                type: 'ScalingLimited',
                status: 'False',
                reason: 'DesiredWithinRange',
                message: 'the desired count is within the acceptable range',
              },
          nowIso,
        );
        o.status = st;
      });
    },
  };
}
