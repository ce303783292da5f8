/** Every controller of a cluster, created fresh per cluster (some keep per-cluster state). */
import { deploymentController } from './deployment';
import { createKubelet } from './kubelet';
import { replicaSetController } from './replicaset';
import type { Controller } from './runtime';
import { createScheduler } from './scheduler';

export function allControllers(): Controller[] {
  // Order matters: a ReplicaSet's own reconcile is queued before its Deployment's on the same event.
  return [replicaSetController, deploymentController, createScheduler(), createKubelet()];
}
