/** Which lists merge by key (strategic merge patch and server-side apply), decided by field name and content. */

type Obj = Record<string, unknown>;

const BY_FIELD: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  topologySpreadConstraints: 'topologyKey',
  ownerReferences: 'uid',
  resourceClaims: 'name',
  schedulingGates: 'name',
};

/** The merge key for list `field` holding `items`, or undefined when the list is atomic. */
export function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  if (field === 'ports') {
    const first = items.find((i) => i && typeof i === 'object') as Obj | undefined;
    if (first && 'containerPort' in first) return 'containerPort';
    return 'port';
  }
  return BY_FIELD[field];
}

/** Lists of scalars that merge as sets under strategic merge patch. */
export const MERGED_PRIMITIVE_LISTS = new Set(['finalizers']);
