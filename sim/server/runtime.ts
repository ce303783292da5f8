/** One simulated cluster as the HTTP layer sees it: its store, identities, faults and live watches. */
import type { MemoryStore } from '../store/memory';
import type { TokenTable } from './auth';
import type { FaultState } from './faults';

export interface ClusterRuntime {
  name: string;
  /** 'v1.29.4' */
  kubernetesVersion: string;
  provider: string;
  store: MemoryStore;
  tokens: TokenTable;
  faults: FaultState;
  /** Set once listening. */
  port: number;
  /** Every open watch, so faults can drop them. */
  watches: Set<{ close(): void }>;
  startedAt: number;
  /** True when a kubelet (the controllers) finishes graceful pod deletion. */
  gracefulPods: boolean;
}

export interface RequestInfo {
  rt: ClusterRuntime;
  gvr: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
  user: string;
  userAgent: string;
  /** Set when the URL's version is an alias of the storage version (see versions.ts). */
  convert?: import('./versions').Converter;
}

/** The field manager of a write: ?fieldManager= or the user agent's program name, as a real server derives it. */
export function fieldManagerOf(info: RequestInfo): string {
  const explicit = info.query.get('fieldManager');
  if (explicit) return explicit;
  const prog = info.userAgent.split('/')[0].trim();
  return prog || 'unknown';
}

export const isDryRun = (q: URLSearchParams): boolean => q.getAll('dryRun').includes('All');
