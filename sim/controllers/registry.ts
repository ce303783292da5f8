/** Every controller of a cluster, created fresh per cluster (some keep per-cluster state). */
import { createCronJobController } from './cronjob';
import { createDaemonSetController } from './daemonset';
import { deploymentController } from './deployment';
import { createEndpointsController } from './endpoints';
import { gcController } from './gc';
import { createHpaController } from './hpa';
import { jobController } from './job';
import { createKubelet } from './kubelet';
import { createMetricsController } from './metrics';
import { namespaceController } from './namespaces';
import { nodeController } from './nodes';
import { pdbController } from './pdb';
import { quotaController } from './quota';
import { replicaSetController, replicationControllerController } from './replicaset';
import type { Controller } from './runtime';
import { createScheduler } from './scheduler';
import { statefulSetController } from './statefulset';
import { volumeController } from './volumes';

export function allControllers(): Controller[] {
  // Order matters: a ReplicaSet's own reconcile is queued before its Deployment's on the same event.
  return [
    namespaceController,
    nodeController,
    replicaSetController,
    replicationControllerController,
    deploymentController,
    statefulSetController,
    createDaemonSetController(),
    jobController,
    createCronJobController(),
    volumeController,
    createScheduler(),
    createKubelet(),
    createEndpointsController(),
    gcController,
    pdbController,
    quotaController,
    createHpaController(),
    createMetricsController(),
  ];
}
