import type { KObject } from '../store/api';

/** One simulated cluster: its identity and the objects created at start (after the API server's bootstrap objects). */
export interface ClusterSpec {
  name: string;
  /** e.g. 'v1.29.4' or 'v1.28.7+vmware.1' */
  kubernetesVersion: string;
  /** 'vsphere' | 'aws' | 'azure' | 'gcp' | 'generic' … */
  provider: string;
  /** Created in order at start. */
  seed: KObject[];
}
