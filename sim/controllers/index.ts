/** kube-sim's living cluster: controllers that work only through the ClusterStore. */
import type { ClusterStore } from '../store/api';
import type { ClusterSpec } from '../fleet/types';
import { createControllerManager, type ManagerOptions } from './manager';

export { createControllerManager, type ControllerManager, type ManagerOptions } from './manager';
export { ManualClock, type Clock } from './clock';
export { DEFAULT_TIMINGS, type Timings } from './runtime';
export { startChurn } from './churn';

export function startControllers(
  ctx: { store: ClusterStore; spec: ClusterSpec; log?: (msg: string) => void } & Partial<ManagerOptions>,
): { stop(): void } {
  const manager = createControllerManager(ctx);
  return { stop: () => manager.stop() };
}
