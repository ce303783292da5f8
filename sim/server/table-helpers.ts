/** Cell helpers and columns shared by the per-type table definitions in table-columns.ts. */
import type { KObject } from '../store/api';
import { age } from './age';

type Obj = Record<string, unknown>;
export const o = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
export const str = (v: unknown, dflt = '<none>'): string =>
  v === undefined || v === null || v === '' ? dflt : String(v);
export const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export interface Column {
  name: string;
  type: 'string' | 'integer' | 'date' | 'number' | 'boolean';
  priority: number;
  cell: (obj: KObject) => unknown;
  format?: string;
}

export const col = (
  name: string,
  cell: (obj: KObject) => unknown,
  priority = 0,
  type: Column['type'] = 'string',
): Column => ({ name, type, priority, cell });
export const NAME = col('Name', (x) => x.metadata.name, 0);
NAME.format = 'name';
export const AGE = col('Age', (x) => age(x.metadata.creationTimestamp));
export const CREATED = col('Created At', (x) => x.metadata.creationTimestamp, 0, 'date');
export const spec = (x: KObject): Obj => o(x.spec);
export const status = (x: KObject): Obj => o(x.status);

export const tplContainers = (x: KObject): Obj[] => arr(o(o(spec(x).template).spec).containers);
export const CONTAINERS = col(
  'Containers',
  (x) =>
    tplContainers(x)
      .map((c) => c.name)
      .join(','),
  1,
);
export const IMAGES = col(
  'Images',
  (x) =>
    tplContainers(x)
      .map((c) => c.image)
      .join(','),
  1,
);
export const selectorText = (sel: unknown): string => {
  const s = o(sel);
  const parts = Object.entries(o(s.matchLabels)).map(([k, v]) => `${k}=${String(v)}`);
  for (const e of arr(s.matchExpressions)) {
    const op = String(e.operator).toLowerCase();
    const vals = Array.isArray(e.values) ? e.values.join(',') : '';
    parts.push(
      op === 'exists'
        ? String(e.key)
        : op === 'doesnotexist'
          ? `!${String(e.key)}`
          : `${String(e.key)} ${op} (${vals})`,
    );
  }
  return parts.length ? parts.join(',') : '<none>';
};
export const SELECTOR = col('Selector', (x) => selectorText(spec(x).selector), 1);

export function podStatus(p: KObject): { ready: string; status: string; restarts: string } {
  const cs = arr(status(p).containerStatuses);
  const total = arr(spec(p).containers).length;
  const ready = cs.filter((c) => c.ready === true).length;
  let reason = str(status(p).reason, '') || str(status(p).phase, 'Pending');
  for (const c of cs) {
    const st = o(c.state);
    const waiting = o(st.waiting);
    const terminated = o(st.terminated);
    if (waiting.reason) reason = String(waiting.reason);
    else if (terminated.reason) reason = String(terminated.reason);
  }
  if (p.metadata.deletionTimestamp) reason = 'Terminating';
  const restarts = cs.reduce((n, c) => n + num(c.restartCount), 0);
  const last = cs
    .map((c) => o(o(c.lastState).terminated).finishedAt)
    .filter((t): t is string => typeof t === 'string')
    .sort()
    .pop();
  return {
    ready: `${ready}/${total}`,
    status: reason,
    restarts: last && restarts > 0 ? `${restarts} (${age(last)} ago)` : String(restarts),
  };
}

export function nodeRoles(n: KObject): string {
  const roles = Object.keys(n.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  return roles.length ? roles.sort().join(',') : '<none>';
}

export function nodeStatus(n: KObject): string {
  const ready = arr(status(n).conditions).find((c) => c.type === 'Ready');
  let s = ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
  if (spec(n).unschedulable) s += ',SchedulingDisabled';
  return s;
}

export const nodeAddress = (n: KObject, type: string): string =>
  str(arr(status(n).addresses).find((a) => a.type === type)?.address);

export function servicePorts(s: KObject): string {
  const ports = arr(spec(s).ports).map(
    (p) => `${String(p.port)}${p.nodePort ? ':' + String(p.nodePort) : ''}/${str(p.protocol, 'TCP')}`,
  );
  return ports.length ? ports.join(',') : '<none>';
}

export function externalIp(s: KObject): string {
  const sp = spec(s);
  const ingress = arr(o(status(s).loadBalancer).ingress).map((i) => i.ip ?? i.hostname);
  if (sp.type === 'ExternalName') return str(sp.externalName);
  if (sp.type === 'LoadBalancer') return ingress.length ? ingress.join(',') : '<pending>';
  const ext = Array.isArray(sp.externalIPs) ? sp.externalIPs : [];
  return ext.length ? ext.join(',') : '<none>';
}

export const count = (v: unknown): number => Object.keys(o(v)).length;
export const accessModes = (v: unknown): string =>
  (Array.isArray(v) ? v : [])
    .map(
      (m: string) =>
        ({ ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' })[m] ??
        m,
    )
    .join(',');

export function bindingSubjects(x: KObject, kind: string): string {
  const s = arr(x.subjects).filter((v) => v.kind === kind);
  return s
    .map((v) => (kind === 'ServiceAccount' ? `${str(v.namespace, '')}/${String(v.name)}` : String(v.name)))
    .join(', ');
}
