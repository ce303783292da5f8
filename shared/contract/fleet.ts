/**
 * Calls and events of the fleet: kubeconfig import, clusters, cluster groups, connections.
 * Each entry: { input: zod schema, output: zod schema }, merged into `calls` in calls.ts.
 */
export const fleetCalls = {} as const;

export const fleetEvents = {} as const;
