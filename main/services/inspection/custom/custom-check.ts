/**
 * Polaris-style custom checks: a JSON schema (with `{{ .metadata.name }}`-style templates) applied to whole
 * objects of a kind, to pod specs, pod templates or containers.
 */
import type { KubeObject } from '../../../../shared/objects/types';
import { containerCheck, objectCheck, podCheck } from '../checks/define';
import { workloadKinds, type J } from '../pod-spec';
import type { Category, Check, CustomCheckSpec, Severity } from '../types';
import { validate } from './json-schema';

const categories: Category[] = ['Security', 'Reliability', 'Efficiency', 'Cluster health'];
const categoryOf = (c: string | undefined): Category =>
  categories.find((x) => x === c) ?? (c === 'Resources' ? 'Efficiency' : 'Reliability');

/** Replaces `{{ .a.b }}` in every string of the schema with the object's field. */
export function templateSchema(schema: unknown, o: KubeObject): unknown {
  if (typeof schema === 'string') {
    return schema.replace(/\{\{\s*\.([\w.]+)\s*\}\}/g, (_, p: string) => {
      let v: J = o;
      for (const k of p.split('.')) v = v?.[k];
      return v === undefined || v === null ? '' : String(v);
    });
  }
  if (Array.isArray(schema)) return schema.map((s) => templateSchema(s, o));
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, templateSchema(v, o)]));
  }
  return schema;
}

/** Polaris sees quantities as strings (its Go types marshal them so): numbers in resources become strings. */
function withQuantityStrings(c: J): J {
  const r = c?.resources;
  if (!r || typeof r !== 'object') return c;
  const fix = (m: J) =>
    m && typeof m === 'object'
      ? Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]))
      : m;
  return { ...c, resources: { ...r, limits: fix(r.limits), requests: fix(r.requests) } };
}

export function compileCustomCheck(id: string, spec: CustomCheckSpec): Check {
  const meta = {
    id,
    set: 'polaris' as const,
    title: spec.successMessage ?? spec.failureMessage,
    category: categoryOf(spec.category),
    severity: spec.severity ?? ('warning' as Severity),
    remediation: spec.successMessage ? `Expected: ${spec.successMessage}.` : spec.failureMessage,
  };
  const message = (reason: string) => `${spec.failureMessage} (${reason})`;
  const target = spec.target.includes('/')
    ? spec.target.slice(spec.target.lastIndexOf('/') + 1)
    : spec.target;
  if (target === 'Container') {
    const types = spec.containers?.exclude?.includes('initContainer')
      ? ['containers']
      : ['initContainers', 'containers'];
    return containerCheck(
      meta,
      (cv, _pod, obj) => {
        const f = validate(templateSchema(spec.schema, obj.object), withQuantityStrings(cv.c));
        return f
          ? {
              path: f.path ? `${cv.path}.${f.path}` : cv.path,
              message: message(`${f.path || 'container'} ${f.reason}`),
            }
          : null;
      },
      { types },
    );
  }
  if (target === 'PodSpec' || target === 'PodTemplate') {
    return podCheck(meta, (pod, obj) => {
      const value = target === 'PodSpec' ? pod.spec : { metadata: pod.metadata, spec: pod.spec };
      const base = target === 'PodSpec' ? pod.path : pod.path.replace(/\.spec$/, '');
      const f = validate(templateSchema(spec.schema, obj.object), value);
      return f
        ? [{ path: f.path ? `${base}.${f.path}` : base, message: message(`${f.path} ${f.reason}`) }]
        : [];
    });
  }
  const kinds = target === 'Controller' ? workloadKinds.filter((k) => k !== 'Pod') : [target];
  return objectCheck({ ...meta, targetKinds: kinds }, (obj) => {
    const f = validate(templateSchema(spec.schema, obj.object), obj.object);
    return f ? [{ path: f.path, message: message(`${f.path} ${f.reason}`) }] : [];
  });
}
