/** Why a disabled action is disabled, in one sentence the user can act on. */
export const notInThisBuild = (action: string) =>
  `${action} is not available in this version of Flotilla yet.`;
export const needsData = 'Attach a cluster, open a snapshot or import manifests first.';
