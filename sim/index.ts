/** kube-sim's programmatic API: start simulated clusters over HTTPS and get a kubeconfig for them. */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startChurn, startControllers } from './controllers';
import { demoFleet, genericFleet, type ClusterSpec } from './fleet';
import { kubeconfigYaml, viewerKubeconfigYaml } from './kubeconfig';
import { createClusterPki } from './pki';
import { createAdmin, listenAdmin, type SimAdmin } from './server/admin';
import {
  ADMIN_USER,
  CERT_USER,
  VIEWER_USER,
  bootstrapCluster,
  startNamespaceHooks,
} from './server/bootstrap';
import { listenCluster, type ClusterListener } from './server/cluster-server';
import { noFaults } from './server/faults';
import type { ClusterRuntime } from './server/runtime';
import { seedObjects } from './server/seed';
import { createClusterStore, type MemoryStore } from './store/memory';

export type { ClusterSpec } from './fleet';
export type { SimAdmin } from './server/admin';
export type { FaultState } from './server/faults';

export interface SimOptions {
  /** Where kubeconfig (and kubeconfig-viewer) are written. */
  outDir: string;
  /** Number of generic clusters (default 1) when neither `demo` nor `specs` is given. */
  clusters?: number;
  demo?: boolean;
  specs?: ClusterSpec[];
  /** First port; cluster i listens on portBase + i. 0 (default) picks free ports. */
  portBase?: number;
  /** Port of the admin endpoint (default: any free port). */
  adminPort?: number;
  nodes?: number;
  pods?: number;
  seed?: number;
  /** Object changes per second per cluster, made by the controllers' churn (when available). */
  churn?: number;
  /** Run the controllers (default true). */
  controllers?: boolean;
  log?: (msg: string) => void;
}

export interface SimCluster {
  name: string;
  server: string;
  port: number;
  adminToken: string;
  viewerToken: string;
  store: MemoryStore;
}

export interface SimHandle {
  kubeconfigPath: string;
  viewerKubeconfigPath: string;
  clusters: SimCluster[];
  admin: SimAdmin;
  /** http://127.0.0.1:PORT of the admin endpoint; send `Authorization: Bearer <adminToken>`. */
  adminUrl: string;
  adminToken: string;
  stop(): Promise<void>;
}

const token = (prefix: string): string => `${prefix}.${randomBytes(18).toString('base64url')}`;

function specsFor(o: SimOptions): ClusterSpec[] {
  if (o.specs) return o.specs;
  if (o.demo) return demoFleet();
  return genericFleet(o.clusters ?? 1, { nodes: o.nodes, podsPerCluster: o.pods, seed: o.seed });
}

export async function startSim(options: SimOptions): Promise<SimHandle> {
  const specs = specsFor(options);
  const names = new Set<string>();
  for (const s of specs) {
    if (names.has(s.name)) throw new Error(`kube-sim: two clusters are named "${s.name}"`);
    names.add(s.name);
  }
  const runtimes = new Map<string, { rt: ClusterRuntime; listener: ClusterListener }>();
  const stops: Array<() => void> = [];
  const clusters: SimCluster[] = [];
  const kc: Parameters<typeof kubeconfigYaml>[0] = [];
  let cert: { cluster: string; certPem: string; keyPem: string } | undefined;
  const runControllers = options.controllers !== false;
  try {
    for (const [i, spec] of specs.entries()) {
      const pki = await createClusterPki(spec.name);
      const store = createClusterStore(spec.name);
      const adminToken = token('admin');
      const viewerToken = token('viewer');
      const rt: ClusterRuntime = {
        name: spec.name,
        kubernetesVersion: spec.kubernetesVersion,
        provider: spec.provider,
        store,
        tokens: {
          tokens: new Map([
            [adminToken, { user: ADMIN_USER, groups: ['kube-sim:admins'] }],
            [viewerToken, { user: VIEWER_USER, groups: ['kube-sim:viewers'] }],
          ]),
          expired: new Set(),
          allExpired: false,
        },
        faults: noFaults(),
        port: 0,
        watches: new Set(),
        startedAt: Date.now(),
        gracefulPods: runControllers,
      };
      const listener = await listenCluster(
        rt,
        { cert: pki.server.cert, key: pki.server.key, ca: pki.ca.cert },
        options.portBase ? options.portBase + i : 0,
      );
      runtimes.set(spec.name, { rt, listener });
      bootstrapCluster(store, listener.port);
      stops.push(startNamespaceHooks(store, pki.ca.cert));
      seedObjects(store, spec.seed);
      if (runControllers) stops.push(startControllers({ store, spec, log: options.log }).stop);
      if (options.churn && options.churn > 0) {
        const churn = startChurn(store, options.churn, { seed: (options.seed ?? 0) + i });
        stops.push(() => churn.stop());
      }
      const server = `https://127.0.0.1:${listener.port}`;
      clusters.push({ name: spec.name, server, port: listener.port, adminToken, viewerToken, store });
      kc.push({ name: spec.name, server, caPem: pki.ca.cert, adminToken, viewerToken });
      if (i === 0) {
        const c = await pki.issue(CERT_USER, ['system:masters']);
        cert = { cluster: spec.name, certPem: c.cert, keyPem: c.key };
      }
    }
    const admin = createAdmin(runtimes);
    const adminToken = token('sim-admin');
    const adminServer = await listenAdmin(admin, adminToken, options.adminPort ?? 0);
    stops.push(() => adminServer.server.close());
    const out = resolve(options.outDir);
    mkdirSync(out, { recursive: true });
    const kubeconfigPath = join(out, 'kubeconfig');
    const viewerKubeconfigPath = join(out, 'kubeconfig-viewer');
    writeFileSync(kubeconfigPath, kubeconfigYaml(kc, cert), { mode: 0o600 });
    writeFileSync(viewerKubeconfigPath, viewerKubeconfigYaml(kc), { mode: 0o600 });
    let stopped = false;
    return {
      kubeconfigPath,
      viewerKubeconfigPath,
      clusters,
      admin,
      adminUrl: `http://127.0.0.1:${adminServer.port}`,
      adminToken,
      async stop() {
        if (stopped) return;
        stopped = true;
        for (const s of stops.reverse()) s();
        await Promise.all([...runtimes.values()].map((r) => r.listener.close()));
      },
    };
  } catch (e) {
    for (const s of stops.reverse()) s();
    await Promise.all([...runtimes.values()].map((r) => r.listener.close()));
    throw e;
  }
}
