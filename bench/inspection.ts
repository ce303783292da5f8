import type { KubeObject, StoredObject } from '../shared/objects/types';
import { inspectObjects } from '../main/services/inspection';
import { splitApiVersion, clusterScopedKinds } from '../main/services/importer/rows';
import { demoFleet, genericFleet } from '../sim/fleet';
import { round, summary } from './stats';

/**
 * (i) a full inspection (every built-in check: Polaris, Pod Security baseline + restricted, cluster
 * health) of N objects of a simulated fleet, against a bare JSON.parse pass over the same objects'
 * JSON. The fleet is the sim's generators (sim/fleet: the demo fleet with its deliberate problems,
 * then generic clusters) with each Deployment expanded into its ReplicaSet and running Pods, as the
 * sim's controllers would; the first N objects are kept.
 */

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function expand(seed: KubeObject[]): KubeObject[] {
  const out: KubeObject[] = [];
  const nodes = seed.filter((o) => o.kind === 'Node').map((o) => o.metadata!.name!);
  let n = 0;
  for (const o of seed) {
    out.push(o);
    if (o.kind !== 'Deployment') continue;
    const d = o as J;
    const hash = (d.metadata.name.length * 7919).toString(36).slice(0, 5).padEnd(5, 'x');
    const rsName = `${d.metadata.name}-${hash}`;
    const labels = { ...d.spec.template.metadata.labels, 'pod-template-hash': hash };
    out.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: d.metadata.namespace,
        labels,
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: d.metadata.name,
            uid: `u-${d.metadata.name}`,
            controller: true,
          },
        ],
      },
      spec: { replicas: d.spec.replicas, selector: { matchLabels: labels }, template: d.spec.template },
      status: { replicas: d.spec.replicas, readyReplicas: d.spec.replicas },
    });
    for (let i = 0; i < (d.spec.replicas ?? 1); i++) {
      const spec = d.spec.template.spec as J;
      out.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${rsName}-${i.toString(36).padStart(5, '0')}`,
          namespace: d.metadata.namespace,
          labels,
          creationTimestamp: '2026-12-01T00:00:00Z',
          ownerReferences: [
            { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: `u-${rsName}`, controller: true },
          ],
        },
        spec: { ...spec, nodeName: nodes[n++ % Math.max(1, nodes.length)] },
        status: {
          phase: 'Running',
          conditions: [
            { type: 'Ready', status: 'True' },
            { type: 'PodScheduled', status: 'True' },
          ],
          containerStatuses: (spec.containers as J[]).map((c) => ({
            name: c.name,
            ready: true,
            restartCount: 0,
            image: c.image,
            state: { running: { startedAt: '2026-12-01T00:00:05Z' } },
          })),
        },
      });
    }
  }
  return out;
}

function row(o: KubeObject, cluster: string): StoredObject {
  const { group, version } = splitApiVersion(String(o.apiVersion));
  const kind = String(o.kind);
  const meta = o.metadata ?? {};
  return {
    source: 'live',
    cluster,
    group,
    version,
    kind,
    namespace: clusterScopedKinds.has(kind) ? '' : (meta.namespace ?? 'default'),
    name: meta.name ?? '',
    uid: meta.uid ?? `${cluster}/${kind}/${meta.namespace}/${meta.name}`,
    resourceVersion: '1',
    labels: meta.labels ?? {},
    object: o,
  };
}

export function simulatedFleet(count: number): { objects: StoredObject[]; versions: Record<string, string> } {
  const objects: StoredObject[] = [];
  const versions: Record<string, string> = {};
  const clusters = [...demoFleet(), ...genericFleet(Math.ceil(count / 3000) + 2, { podsPerCluster: 3000 })];
  for (const c of clusters) {
    versions[c.name] = c.kubernetesVersion;
    for (const o of expand(c.seed as KubeObject[])) {
      objects.push(row(o, c.name));
      if (objects.length === count) return { objects, versions };
    }
  }
  return { objects, versions };
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

export async function benchInspection(o: { objects: number; runs: number }) {
  const { objects, versions } = simulatedFleet(o.objects);
  // The same objects as JSON (each row with its body), as a cache or a snapshot hands them out.
  const texts = objects.map((x) => JSON.stringify(x));
  const bytes = texts.reduce((n, t) => n + t.length, 0);
  const parse: number[] = [];
  const full: number[] = [];
  let findings = 0;
  let score = 0;
  for (let i = 0; i < o.runs + 1; i++) {
    let t0 = process.hrtime.bigint();
    let sink = 0;
    for (const t of texts) sink += (JSON.parse(t) as StoredObject).name.length;
    const p = ms(t0);
    if (sink === 0) throw new Error('nothing parsed');
    t0 = process.hrtime.bigint();
    const r = await inspectObjects(objects, {
      config: { clusterVersions: versions },
      now: new Date('2026-12-04T12:00:00Z'),
      batch: 5000,
    });
    const f = ms(t0);
    findings = r.findings.length;
    score = r.score;
    // the first round warms the JIT up and is not counted
    if (i > 0) {
      parse.push(p);
      full.push(f);
    }
  }
  const parseP50 = summary(parse).p50;
  const fullP50 = summary(full).p50;
  return {
    objects: objects.length,
    jsonMb: round(bytes / 1e6, 1),
    kinds: Object.fromEntries(
      [...objects.reduce((m, x) => m.set(x.kind, (m.get(x.kind) ?? 0) + 1), new Map<string, number>())].sort(
        (a, b) => b[1] - a[1],
      ),
    ),
    findings,
    score,
    jsonParseMs: summary(parse),
    inspectionMs: summary(full),
    ratio: round(fullP50 / parseP50, 2),
    targets: { ratio: 3, absoluteMs: 2000 },
    meetsTargets: fullP50 / parseP50 <= 3 && fullP50 <= 2000,
  };
}

// `npx tsx bench/inspection.ts [N]` runs this benchmark alone.
if (process.argv[1]?.endsWith('inspection.ts')) {
  const n = Number(process.argv[2] ?? 100_000);
  process.stdout.write(`${JSON.stringify(await benchInspection({ objects: n, runs: 5 }), null, 2)}\n`);
}
