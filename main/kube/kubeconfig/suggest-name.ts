/** Cluster names follow the reference deck rule: lowercase letters, digits, hyphens; letter or digit at both ends. */
export const CLUSTER_NAME_RULE = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
export const CLUSTER_NAME_MAX = 63;

/**
 * A cluster name derived from a context name that passes the rule: the cluster part of
 * EKS ARNs (`arn:aws:eks:…:cluster/NAME`) and GKE contexts (`gke_PROJECT_ZONE_NAME`),
 * otherwise the whole name lowercased with every other character turned into a hyphen.
 */
export function suggestClusterName(contextName: string): string {
  let base = contextName;
  const eks = /^arn:aws[a-z-]*:eks:[^:]*:[^:]*:cluster\/(.+)$/.exec(base);
  const gke = /^gke_[^_]+_[^_]+_(.+)$/.exec(base);
  if (eks) base = eks[1]!;
  else if (gke) base = gke[1]!;
  const name = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, CLUSTER_NAME_MAX)
    .replace(/^-+|-+$/g, '');
  return name === '' ? 'cluster' : name;
}
