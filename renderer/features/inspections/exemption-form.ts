/**
 * The "Add exemption" form of the check settings: comma-separated lists and `key=value` pairs as
 * typed, turned into the contract's InspectionExemption with one message per bad field. Pure.
 */
import type { InspectionExemption } from '../../../shared/contract/inspections';

export interface ExemptionDraft {
  checks: string;
  namespaces: string;
  kinds: string;
  names: string;
  labels: string;
  annotations: string;
  reason: string;
}

export const emptyExemption = (): ExemptionDraft => ({
  checks: '',
  namespaces: '',
  kinds: '',
  names: '',
  labels: '',
  annotations: '',
  reason: '',
});

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** `app=web, tier` → {app: 'web', tier: '*'}; a bad pair gives the field's message. */
function pairs(text: string, field: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const item of list(text)) {
    const eq = item.indexOf('=');
    const key = (eq < 0 ? item : item.slice(0, eq)).trim();
    const value = eq < 0 ? '*' : item.slice(eq + 1).trim();
    if (!key || /\s/.test(key)) return `${field}: "${item}" is not key=value (or a key alone for any value).`;
    if (!value) return `${field}: "${item}" has no value; write ${key}=* for any value.`;
    out[key] = value;
  }
  return out;
}

export function exemptionOf(d: ExemptionDraft): { exemption: InspectionExemption } | { errors: string[] } {
  const errors: string[] = [];
  const e: InspectionExemption = {};
  const checks = list(d.checks);
  if (checks.length) e.checks = checks;
  const namespaces = list(d.namespaces);
  if (namespaces.length) e.namespaces = namespaces;
  const kinds = list(d.kinds);
  if (kinds.length) e.kinds = kinds;
  const names = list(d.names);
  if (names.length) e.names = names;
  const labels = pairs(d.labels, 'Labels');
  if (typeof labels === 'string') errors.push(labels);
  else if (Object.keys(labels).length) e.labels = labels;
  const annotations = pairs(d.annotations, 'Annotations');
  if (typeof annotations === 'string') errors.push(annotations);
  else if (Object.keys(annotations).length) e.annotations = annotations;
  if (!e.namespaces && !e.kinds && !e.names && !e.labels && !e.annotations && errors.length === 0)
    errors.push('Say what to exempt: namespaces, kinds, names, labels or annotations.');
  if (d.reason.trim()) e.reason = d.reason.trim();
  return errors.length ? { errors } : { exemption: e };
}

/** One line for the settings list: "checks hostPathSet in namespaces kube-system with label app=web". */
export function describeExemption(e: InspectionExemption): string {
  const parts: string[] = [e.checks?.length ? `Checks ${e.checks.join(', ')}` : 'Every check'];
  if (e.namespaces?.length) parts.push(`namespaces ${e.namespaces.join(', ')}`);
  if (e.kinds?.length) parts.push(`kinds ${e.kinds.join(', ')}`);
  if (e.names?.length) parts.push(`names ${e.names.join(', ')}`);
  const kv = (m: Record<string, string>) =>
    Object.entries(m)
      .map(([k, v]) => (v === '*' ? k : `${k}=${v}`))
      .join(', ');
  if (e.labels && Object.keys(e.labels).length) parts.push(`labels ${kv(e.labels)}`);
  if (e.annotations && Object.keys(e.annotations).length) parts.push(`annotations ${kv(e.annotations)}`);
  return parts.join(' · ');
}
