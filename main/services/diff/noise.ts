import type { KubeObject } from '../../../shared/objects/types';

/**
 * What a diff hides by default: fields that change without anyone changing the object —
 * bookkeeping (resourceVersion, managedFields, generation, selfLink), the last-applied annotation
 * (a copy of the spec), and timestamps and counters under `status` that move on their own
 * (heartbeats, probe and transition times, start times, observedGeneration).
 * Secret contents are never compared: the live cache does not read them and snapshots keep only
 * keys by default, so they would differ without anyone changing them.
 */

const METADATA_NOISE = ['resourceVersion', 'managedFields', 'generation', 'selfLink'];
const NOISY_ANNOTATIONS = [
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
];
const STATUS_NOISE = new Set([
  'lastHeartbeatTime',
  'lastProbeTime',
  'lastTransitionTime',
  'lastUpdateTime',
  'startedAt',
  'finishedAt',
  'startTime',
  'lastScheduleTime',
  'lastSuccessfulTime',
  'completionTime',
  'observedGeneration',
  'heartbeatTime',
]);

type Json = unknown;

function stripStatus(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripStatus);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, v] of Object.entries(value as Record<string, Json>)) {
    if (STATUS_NOISE.has(key)) continue;
    out[key] = stripStatus(v);
  }
  return out;
}

/** A copy of `object` without the noise fields; the input is not changed. */
export function withoutNoise(object: KubeObject): KubeObject {
  const out: KubeObject = { ...object };
  if (object.metadata) {
    const metadata: Record<string, unknown> = { ...object.metadata };
    for (const key of METADATA_NOISE) delete metadata[key];
    const annotations = object.metadata.annotations;
    if (annotations) {
      const kept = Object.fromEntries(
        Object.entries(annotations).filter(([key]) => !NOISY_ANNOTATIONS.includes(key)),
      );
      if (Object.keys(kept).length > 0) metadata.annotations = kept;
      else delete metadata.annotations;
    }
    out.metadata = metadata as KubeObject['metadata'];
  }
  if ('status' in object) out.status = stripStatus(object.status);
  if (object.kind === 'Secret') {
    delete out.data;
    delete out.stringData;
  }
  if (object.kind === 'Event') {
    for (const key of ['lastTimestamp', 'firstTimestamp', 'eventTime', 'count', 'series']) delete out[key];
  }
  return out;
}
