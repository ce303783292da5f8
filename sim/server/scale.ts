/** The scale subresource: autoscaling/v1 Scale views of deployments, replica sets, stateful sets and CRs. */
import type { KObject, ResourceType } from '../store/api';
import { ApiError } from './errors';

type Obj = Record<string, unknown>;

function selectorString(sel: unknown): string {
  const s = (sel ?? {}) as {
    matchLabels?: Record<string, string>;
    matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
  };
  const parts = Object.entries(s.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) {
    const op = e.operator.toLowerCase();
    parts.push(
      op === 'exists'
        ? e.key
        : op === 'doesnotexist'
          ? `!${e.key}`
          : `${e.key} ${op} (${(e.values ?? []).join(',')})`,
    );
  }
  return parts.join(',');
}

export function toScale(type: ResourceType, obj: KObject): KObject {
  if (!type.subresources?.scale)
    throw new ApiError(404, `the server could not find the requested resource`, 'NotFound');
  const spec = (obj.spec ?? {}) as Obj;
  const status = (obj.status ?? {}) as Obj;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: typeof spec.replicas === 'number' ? spec.replicas : 0 },
    status: {
      replicas: typeof status.replicas === 'number' ? status.replicas : 0,
      selector: selectorString(spec.selector),
    },
  };
}

export function fromScale(obj: KObject, scale: KObject): KObject {
  const replicas = (scale.spec as Obj | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0)
    throw new ApiError(
      422,
      `Scale.autoscaling "${obj.metadata.name ?? ''}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`,
      'Invalid',
      {
        name: obj.metadata.name,
        group: 'autoscaling',
        kind: 'Scale',
        causes: [
          {
            reason: 'FieldValueInvalid',
            message: 'Invalid value: must be greater than or equal to 0',
            field: 'spec.replicas',
          },
        ],
      },
    );
  const out = structuredClone(obj);
  out.spec = { ...((out.spec as Obj) ?? {}), replicas };
  return out;
}
