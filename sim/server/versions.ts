/**
 * Resources served in more than one version from one storage version (autoscaling/v1 and v2 HPAs):
 * the alias version is converted to the storage version on the way in and back on the way out.
 */
import type { KObject, ResourceType } from '../store/api';

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

export interface Converter {
  /** The alias apiVersion, e.g. 'autoscaling/v1'. */
  apiVersion: string;
  /** alias version → storage version */
  in(obj: KObject): KObject;
  /** storage version → alias version */
  out(obj: KObject): KObject;
}

export interface VersionAlias {
  type: ResourceType;
  storage: string;
  convert: Converter;
}

function hpaToV2(v1: KObject): KObject {
  const spec = o(v1.spec);
  const { targetCPUUtilizationPercentage: cpu, ...rest } = spec;
  const status = o(v1.status);
  const { currentCPUUtilizationPercentage: cur, ...statusRest } = status;
  const out: KObject = { ...v1, apiVersion: 'autoscaling/v2', spec: { ...rest } };
  if (typeof cpu === 'number')
    (out.spec as Obj).metrics = [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } },
      },
    ];
  if (v1.status !== undefined) {
    out.status = { ...statusRest };
    if (typeof cur === 'number')
      (out.status as Obj).currentMetrics = [
        { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cur } } },
      ];
  }
  return out;
}

function hpaToV1(v2: KObject): KObject {
  const spec = o(v2.spec);
  const { metrics, behavior: _b, ...rest } = spec;
  const cpu = (Array.isArray(metrics) ? (metrics as Obj[]) : []).find(
    (m) => m.type === 'Resource' && o(m.resource).name === 'cpu',
  );
  const out: KObject = { ...v2, apiVersion: 'autoscaling/v1', spec: { ...rest } };
  const target = o(o(cpu?.resource).target).averageUtilization;
  if (typeof target === 'number') (out.spec as Obj).targetCPUUtilizationPercentage = target;
  if (v2.status !== undefined) {
    const { currentMetrics, conditions: _c, ...statusRest } = o(v2.status);
    out.status = { ...statusRest };
    const cur = (Array.isArray(currentMetrics) ? (currentMetrics as Obj[]) : []).find(
      (m) => m.type === 'Resource' && o(m.resource).name === 'cpu',
    );
    const value = o(o(cur?.resource).current).averageUtilization;
    if (typeof value === 'number') (out.status as Obj).currentCPUUtilizationPercentage = value;
  }
  return out;
}

const defined = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** core/v1 Event → events.k8s.io/v1 Event */
function eventToNew(e: KObject): KObject {
  const source = o(e.source);
  return defined({
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: e.metadata,
    eventTime: e.eventTime ?? null,
    series: e.series,
    reportingController: e.reportingComponent || source.component,
    reportingInstance: e.reportingInstance || source.host,
    action: e.action,
    reason: e.reason,
    regarding: e.involvedObject,
    related: e.related,
    note: e.message,
    type: e.type,
    deprecatedSource: e.source,
    deprecatedFirstTimestamp: e.firstTimestamp,
    deprecatedLastTimestamp: e.lastTimestamp,
    deprecatedCount: e.count,
  }) as KObject;
}

/** events.k8s.io/v1 Event → core/v1 Event */
function eventToCore(e: KObject): KObject {
  return defined({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: e.metadata,
    involvedObject: e.regarding ?? {},
    reason: e.reason,
    message: e.note,
    source:
      e.deprecatedSource ??
      (e.reportingController ? { component: e.reportingController, host: e.reportingInstance } : undefined),
    firstTimestamp: e.deprecatedFirstTimestamp,
    lastTimestamp: e.deprecatedLastTimestamp,
    count: e.deprecatedCount,
    type: e.type,
    eventTime: e.eventTime ?? undefined,
    series: e.series,
    action: e.action,
    related: e.related,
    reportingComponent: e.reportingController,
    reportingInstance: e.reportingInstance,
  }) as KObject;
}

export const VERSION_ALIASES: VersionAlias[] = [
  {
    type: {
      group: 'events.k8s.io',
      version: 'v1',
      resource: 'events',
      singular: 'event',
      kind: 'Event',
      listKind: 'EventList',
      namespaced: true,
      shortNames: ['ev'],
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    },
    storage: 'v1/events',
    convert: { apiVersion: 'events.k8s.io/v1', in: eventToCore, out: eventToNew },
  },
  {
    type: {
      group: 'autoscaling',
      version: 'v1',
      resource: 'horizontalpodautoscalers',
      singular: 'horizontalpodautoscaler',
      kind: 'HorizontalPodAutoscaler',
      listKind: 'HorizontalPodAutoscalerList',
      namespaced: true,
      shortNames: ['hpa'],
      categories: ['all'],
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      subresources: { status: true },
    },
    storage: 'autoscaling/v2/horizontalpodautoscalers',
    convert: { apiVersion: 'autoscaling/v1', in: hpaToV2, out: hpaToV1 },
  },
];

export const aliasFor = (gvr: string): VersionAlias | undefined =>
  VERSION_ALIASES.find((a) => `${a.type.group}/${a.type.version}/${a.type.resource}` === gvr);

/** Converts whatever a verb answered (an object, a list, a Table) to the alias version. */
export function convertReply(body: unknown, c: Converter, storageKind: string): unknown {
  const b = o(body);
  if (b.kind === storageKind) return c.out(body as KObject);
  if (Array.isArray(b.items))
    return {
      ...b,
      apiVersion: c.apiVersion,
      items: (b.items as KObject[]).map((i) =>
        i.kind === storageKind || i.kind === undefined ? c.out(i) : i,
      ),
    };
  if (b.kind === 'Table' && Array.isArray(b.rows))
    return {
      ...b,
      rows: (b.rows as Obj[]).map((r) =>
        o(r.object).kind === storageKind ? { ...r, object: c.out(r.object as KObject) } : r,
      ),
    };
  return body;
}
