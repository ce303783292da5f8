export type { ClusterSpec } from './types';
export { demoFleet } from './demo';
export { genericFleet, genericCluster, type GenericOptions } from './generic';
