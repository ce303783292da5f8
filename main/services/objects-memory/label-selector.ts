/** Kubernetes label selector strings (`a=b,c!=d,e in (x,y),f notin (z),g,!h`) as a predicate. */
type Req = (labels: Record<string, string>) => boolean;

function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function parseReq(part: string): Req {
  let m = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part);
  if (m) {
    const [, key, op, list] = m as unknown as [string, string, string, string];
    const values = new Set(list.split(',').map((v) => v.trim()));
    return op === 'in' ? (l) => key in l && values.has(l[key]!) : (l) => !(key in l) || !values.has(l[key]!);
  }
  m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
  if (m) {
    const [, key, op, value] = m as unknown as [string, string, string, string];
    return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value;
  }
  m = /^!\s*(\S+)$/.exec(part);
  if (m) {
    const key = m[1]!;
    return (l) => !(key in l);
  }
  if (/^[\w./-]+$/.test(part)) return (l) => part in l;
  throw new Error(`invalid label selector requirement "${part}"`);
}

/** Throws an Error naming the bad requirement for malformed selectors. */
export function parseLabelSelector(selector: string): (labels: Record<string, string>) => boolean {
  const reqs = splitTop(selector).map(parseReq);
  return (labels) => reqs.every((r) => r(labels));
}

/** A LabelSelector object ({matchLabels, matchExpressions}) as a predicate; an empty selector matches all. */
export function matchesLabelSelector(
  selector: {
    matchLabels?: Record<string, string>;
    matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
  },
  labels: Record<string, string>,
): boolean {
  const ml = selector.matchLabels;
  if (ml) for (const k in ml) if (labels[k] !== ml[k]) return false;
  const me = selector.matchExpressions;
  if (!me) return true;
  for (const e of me) {
    const has = e.key in labels;
    const vals = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !vals.includes(labels[e.key]!)) return false;
        break;
      case 'NotIn':
        if (has && vals.includes(labels[e.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
