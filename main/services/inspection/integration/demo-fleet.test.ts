/**
 * Integration: the kube-sim demo fleet over real HTTPS. Objects are listed from each simulated cluster's API
 * (as a live cache would), inspected, and the fleet's deliberate problems must be found: payment crash-loops,
 * recommendations runs a :latest image, legacy-importer is privileged, report-builder cannot be scheduled,
 * the promo Service selects no pods, catalog has no resource limits, and the clusters run old versions.
 */
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSim, type SimHandle } from '../../../../sim/index';
import type { KubeObject, StoredObject } from '../../../../shared/objects/types';
import { splitApiVersion } from '../../importer/rows';
import { inspectObjects } from '../index';
import type { Finding, InspectionResult } from '../types';

const paths = [
  '/api/v1/nodes',
  '/api/v1/pods',
  '/api/v1/services',
  '/api/v1/endpoints',
  '/api/v1/events',
  '/api/v1/serviceaccounts',
  '/api/v1/configmaps',
  '/apis/apps/v1/deployments',
  '/apis/apps/v1/statefulsets',
  '/apis/apps/v1/daemonsets',
  '/apis/apps/v1/replicasets',
  '/apis/batch/v1/jobs',
  '/apis/batch/v1/cronjobs',
  '/apis/networking.k8s.io/v1/networkpolicies',
  '/apis/networking.k8s.io/v1/ingresses',
  '/apis/policy/v1/poddisruptionbudgets',
  '/apis/autoscaling/v2/horizontalpodautoscalers',
  '/apis/rbac.authorization.k8s.io/v1/clusterroles',
  '/apis/rbac.authorization.k8s.io/v1/clusterrolebindings',
];

let sim: SimHandle;
const cas = new Map<string, string>();

function get(
  server: string,
  ca: string,
  token: string,
  p: string,
): Promise<{ apiVersion: string; kind: string; items: KubeObject[] }> {
  return new Promise((resolve, reject) => {
    const req = https.get(`${server}${p}`, { ca, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () =>
        res.statusCode === 200
          ? resolve(JSON.parse(body))
          : reject(new Error(`${p}: HTTP ${res.statusCode} ${body.slice(0, 200)}`)),
      );
    });
    req.on('error', reject);
  });
}

async function listCluster(name: string): Promise<StoredObject[]> {
  const c = sim.clusters.find((x) => x.name === name)!;
  const rows: StoredObject[] = [];
  for (const p of paths) {
    const list = await get(c.server, cas.get(name)!, c.adminToken, p);
    const apiVersion = list.apiVersion;
    const kind = list.kind.replace(/List$/, '');
    for (const item of list.items) {
      const o = { apiVersion, kind, ...item };
      const { group, version } = splitApiVersion(apiVersion);
      const meta = o.metadata ?? {};
      rows.push({
        source: 'live',
        cluster: name,
        group,
        version,
        kind,
        namespace: meta.namespace ?? '',
        name: meta.name ?? '',
        uid: meta.uid ?? '',
        resourceVersion: meta.resourceVersion ?? '',
        labels: meta.labels ?? {},
        object: o,
      });
    }
  }
  return rows;
}

const has = (r: InspectionResult, checkId: string, pred: (f: Finding) => boolean) =>
  r.findings.some((f) => f.checkId === checkId && pred(f));

beforeAll(async () => {
  sim = await startSim({
    outDir: fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-inspect-sim-')),
    demo: true,
  });
  const kc = parse(fs.readFileSync(sim.kubeconfigPath, 'utf8')) as {
    clusters: Array<{ name: string; cluster: Record<string, string> }>;
  };
  for (const c of kc.clusters)
    cas.set(c.name, Buffer.from(c.cluster['certificate-authority-data']!, 'base64').toString());
}, 60_000);
afterAll(async () => {
  await sim?.stop();
});

describe('inspection of the kube-sim demo fleet', () => {
  it('finds the deliberate problems of tkg-01', async () => {
    let objects: StoredObject[] = [];
    const end = Date.now() + 60_000;
    // Wait until the payment pod has crashed at least once (the kubelet simulator runs in real time).
    while (Date.now() < end) {
      objects = await listCluster('tkg-01');
      const payment = objects.find((o) => o.kind === 'Pod' && o.labels.app === 'payment');
      const waiting = (
        payment?.object as {
          status?: { containerStatuses?: Array<{ state?: { waiting?: { reason?: string } } }> };
        }
      )?.status?.containerStatuses?.[0]?.state?.waiting?.reason;
      if (waiting === 'CrashLoopBackOff') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Judge "pending for more than 5 minutes" as if 10 minutes had passed.
    const now = new Date(Date.now() + 10 * 60_000);
    const r = await inspectObjects(objects, {
      now,
      config: { clusterVersions: { 'tkg-01': 'v1.28.7+vmware.1' } },
    });
    const named = (kind: string, name: (n: string) => boolean) => (f: Finding) =>
      f.object.kind === kind && name(f.object.name);
    expect(
      has(
        r,
        'health.podCrashLooping',
        named('Pod', (n) => n.startsWith('payment-')),
      ),
    ).toBe(true);
    expect(
      has(
        r,
        'health.podPending',
        named('Pod', (n) => n.startsWith('report-builder-')),
      ),
    ).toBe(true);
    expect(
      has(
        r,
        'health.serviceSelectsNoPods',
        named('Service', (n) => n === 'promo'),
      ),
    ).toBe(true);
    expect(
      has(
        r,
        'tagNotSpecified',
        named('Deployment', (n) => n === 'recommendations'),
      ),
    ).toBe(true);
    expect(
      has(
        r,
        'runAsPrivileged',
        named('Deployment', (n) => n === 'legacy-importer'),
      ),
    ).toBe(true);
    expect(
      has(
        r,
        'pss.privileged',
        named('Deployment', (n) => n === 'legacy-importer'),
      ),
    ).toBe(true);
    expect(
      has(
        r,
        'cpuLimitsMissing',
        named('Deployment', (n) => n === 'catalog'),
      ),
    ).toBe(true);
    expect(has(r, 'health.kubernetesVersionUnsupported', (f) => f.object.kind === 'Node')).toBe(true);
    // Healthy parts stay quiet: nodes are Ready and the frontend Service has endpoints.
    expect(has(r, 'health.nodeNotReady', () => true)).toBe(false);
    expect(
      has(
        r,
        'health.serviceNoEndpoints',
        named('Service', (n) => n === 'frontend'),
      ),
    ).toBe(false);
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThan(100);
  }, 90_000);
});
