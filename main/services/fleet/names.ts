import { NAME_MAX, NAME_RULE } from '../../../shared/contract/fleet';

/**
 * The reference deck's name rule for clusters and cluster groups: lowercase letters, digits
 * and hyphens, starting and ending with a letter or digit, at most 63 characters.
 * Returns a sentence saying what is wrong, or null when the name is fine.
 */
export function nameProblem(name: string, what = 'Cluster name'): string | null {
  if (name === '') return `${what} is empty.`;
  if (name.length > NAME_MAX)
    return `${what} "${name}" is ${name.length} characters long; at most ${NAME_MAX} are allowed.`;
  if (/[A-Z]/.test(name))
    return `${what} "${name}" has uppercase letters; use lowercase letters, digits and hyphens.`;
  const bad = [...name].find((c) => !/[a-z0-9-]/.test(c));
  if (bad !== undefined) {
    return `${what} "${name}" contains ${JSON.stringify(bad)}; only lowercase letters, digits and hyphens are allowed.`;
  }
  if (!NAME_RULE.test(name)) return `${what} "${name}" must start and end with a letter or digit.`;
  return null;
}

/** A valid name derived from a kubeconfig context name ("arn:aws:eks:…/prod" → "prod", "Kind_Dev" → "kind-dev"). */
export function suggestName(context: string): string {
  const tail = context.includes('/') ? (context.split('/').pop() ?? context) : context;
  const base = (tail || context)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, NAME_MAX)
    .replace(/-+$/g, '');
  return base === '' ? 'cluster' : base;
}

/** `base`, or `base-2`, `base-3` … whichever is not taken. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const candidate = `${base.slice(0, NAME_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Label keys and values as Kubernetes allows them (prefix/name ≤ 63, value ≤ 63). */
export function labelProblem(key: string, value: string): string | null {
  const nameRe = /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;
  const parts = key.split('/');
  if (parts.length > 2 || key === '') return `Label key "${key}" is not valid: use name or prefix/name.`;
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined && !/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/.test(prefix)) {
    return `Label key "${key}" has an invalid prefix "${prefix}": it must be a DNS subdomain.`;
  }
  if (!name || !nameRe.test(name)) {
    return `Label key "${key}": the name part must be 1–63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.`;
  }
  if (value !== '' && !nameRe.test(value)) {
    return `Label ${key}: "${value}" is not a valid value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit).`;
  }
  return null;
}
