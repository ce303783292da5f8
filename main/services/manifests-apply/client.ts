/** The apply runner's view of a real cluster: kube/apply's raw HTTPS client, 404 read as "absent". */
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError, kubeObjects } from '../../kube/apply';
import type { KubeObject } from '../../../shared/objects/types';
import type { ApplyClient } from './apply';

export function clusterApplyClient(kc: KubeConfig): ApplyClient {
  const kube = kubeObjects(kc);
  return {
    async get(t) {
      try {
        return (await kube.get(t)) as KubeObject;
      } catch (e) {
        if (e instanceof KubeApiError && e.status === 404) return undefined;
        throw e;
      }
    },
    async apply(t, config, { dryRun }) {
      return (await kube.apply(t, config, { dryRun, force: false })) as KubeObject;
    },
  };
}
