/** Expected results for the corpus kubeconfigs, written by reading each file. */
import type { AuthKind } from '../auth';

export const f8 = 'fabric8-client/kubernetes-client-api/src/test/resources';

export interface Ctx {
  cluster?: string;
  server?: string;
  ns?: string;
  auth: AuthKind;
  /** Fields with an error; empty when the context is usable. */
  errors: string[];
}
export interface Case {
  file: string;
  current?: string;
  contexts: Record<string, Ctx>;
  /** Number of file-level warnings (nameless or duplicate entries, dangling current-context). */
  fileProblems?: number;
}

// Fixture data shared by several upstream files.
export const CA = 'certificate-authority-data';
export const CERT = ['client-certificate-data', 'client-key-data'];
export const INSECURE_CA = ['insecure-skip-tls-verify', CA];
export const CA_FILE_INSECURE = ['insecure-skip-tls-verify', 'certificate-authority'];
