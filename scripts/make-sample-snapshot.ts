// Generates resources/demo-fleet.flotilla, the sample snapshot a first-time user can open:
//   npx tsx scripts/make-sample-snapshot.ts [--out FILE]
// Starts kube-sim's demo fleet in this process, attaches it through the app's own services (the
// same contract calls the UI makes), waits until every pod is scheduled and running, then captures
// the fleet with events, metrics and log tails. The fleet's content comes from fixed seeds; what
// differs between two runs is written into the file's metadata (note).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSim } from '../sim/index';
import type { Inspection } from '../shared/contract/fleet';
import type { CaptureProgress, SourceView } from '../shared/contract/sources';
import type { ObjectPage } from '../shared/objects/page';
import { createAppCore } from '../main/app/compose';
import { createLogger } from '../main/services/log';

const NOTE =
  'Sample snapshot of the kube-sim demo fleet, made by scripts/make-sample-snapshot.ts. Clusters, nodes, ' +
  'namespaces, workloads and their specs come from fixed seeds and are the same on every run; uids, ' +
  'resourceVersions, creation timestamps, the random suffixes of ReplicaSet and Pod names, node placement ' +
  'of pods, events, usage figures, log lines and takenAt differ between runs.';

const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1]! : 'resources/demo-fleet.flotilla');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-sample-'));

async function main() {
  const sim = await startSim({ outDir: path.join(tmp, 'sim'), demo: true, seed: 42 });
  const core = createAppCore({
    dataDir: path.join(tmp, 'data'),
    shell: 'web',
    log: createLogger({ quiet: true }),
  });
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await core.router.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  try {
    // one cluster per API server, as the app's "Start demo fleet" attaches it
    const inspection = await call<Inspection>('kubeconfig.inspect', { paths: [sim.kubeconfigPath] });
    const servers = new Set<string>();
    const items = inspection.contexts
      .filter(
        (c) => c.ok && c.authKind === 'token' && c.server && !servers.has(c.server) && servers.add(c.server),
      )
      .map((c) => ({ context: c.key, name: c.suggestedName, labels: { demo: 'true' }, groupId: 'default' }));
    await call('clusters.attach', { importId: inspection.importId, items });
    process.stdout.write(`attached ${items.map((i) => i.name).join(', ')}\n`);

    // the scheduler has placed what it can (the demo keeps a few pods pending on purpose):
    // the pod and waiting counts hold still for five seconds
    let last = '';
    let still = 0;
    for (let i = 0; still < 5; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const pods = await call<ObjectPage>('objects.query', { kinds: ['Pod'], limit: 1 });
      const waiting = await call<ObjectPage>('objects.query', {
        kinds: ['Pod'],
        statuses: ['Pending', 'ContainerCreating'],
        limit: 1,
      });
      const now = `${pods.total}/${waiting.total}`;
      still = pods.total > 0 && now === last ? still + 1 : 0;
      last = now;
      if (i > 180) throw new Error(`pods did not settle (${now})`);
    }
    process.stdout.write(`pods settled (total/waiting ${last})\n`);
    const done = new Promise<CaptureProgress>((resolve) =>
      core.events.subscribe((name, payload) => {
        const p = payload as CaptureProgress;
        if (name === 'snapshots.progress' && ['done', 'failed', 'cancelled'].includes(p.phase)) resolve(p);
      }),
    );
    fs.rmSync(out, { force: true });
    await call('snapshots.capture', {
      scope: { kind: 'fleet' },
      path: out,
      includeEvents: true,
      includeMetrics: true,
      includeLogs: true,
      note: NOTE,
    });
    const end = await done;
    if (end.phase !== 'done') throw new Error(`the capture ${end.phase}: ${end.message ?? ''}`);
    const sources = await call<SourceView>('snapshots.open', { path: out });
    const meta = { objects: sources.objects, clusters: sources.clusters };
    const size = fs.statSync(out).size;
    process.stdout.write(
      `${out}: ${meta.objects} objects of ${meta.clusters.length} clusters, ${(size / 1e6).toFixed(2)} MB\n`,
    );
    if (size > 5e6) throw new Error(`the sample is ${(size / 1e6).toFixed(1)} MB; keep it under 5 MB`);
  } finally {
    await core.close();
    await sim.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`make-sample-snapshot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
