import os from 'node:os';
import { benchChurn } from './churn';
import { benchInspection } from './inspection';
import { benchQueries } from './queries';
import { benchSim } from './sim';
import { benchFirstPage, benchFullSync } from './sync';

/**
 * `npm run bench [-- --quick] [-- --only a,b,d]`: Flotilla's benchmarks, printed as one JSON
 * document. Every figure comes with a reference measured in the same run, and a ratio.
 *   a: full sync of a fleet (10 clusters × 3,000 pods) vs kubectl for each context back to back
 *   b: time to the first page of a 30,000-pod cluster
 *   c: churn of 500 changes/s across 10 clusters: change-to-store lag and CPU vs bare watch clients
 *   d: search and filtered page queries at 100,000 objects vs a bare indexed SELECT
 *   s: kube-sim at scale: its memory, list latency and churn rate (10 clusters × 3,000 pods)
 *   i: a full inspection of 100,000 objects of a simulated fleet vs a bare JSON.parse pass over them
 *   m: importing 10 MB of multi-document YAML (bench/import.ts) vs the bare `yaml` parse of the same text
 */

const args = process.argv.slice(2).filter((a) => a !== '--');
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only'));
const onlyValue = onlyArg?.includes('=')
  ? onlyArg.split('=')[1]
  : onlyArg
    ? args[args.indexOf(onlyArg) + 1]
    : undefined;
const only = new Set((onlyValue ?? 'a,b,c,d,s,i,m').split(','));

const sizes = quick
  ? {
      a: { clusters: 3, pods: 300 },
      b: { pods: 3000 },
      c: { clusters: 2, pods: 300, changesPerSecond: 50, warmupSeconds: 2, windowSeconds: 5 },
      d: { objects: 20_000, runs: 10 },
      s: { clusters: 2, pods: 300, churn: 50, watchSeconds: 3 },
    }
  : {
      a: { clusters: 10, pods: 3000 },
      b: { pods: 30_000 },
      c: { clusters: 10, pods: 3000, changesPerSecond: 500, warmupSeconds: 10, windowSeconds: 30 },
      d: { objects: 100_000, runs: 30 },
      s: { clusters: 10, pods: 3000, churn: 500, watchSeconds: 10 },
    };
// sizes can be overridden for experiments: BENCH_A_CLUSTERS, BENCH_A_PODS, BENCH_LIST_CONCURRENCY
const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const a = {
  clusters: env('BENCH_A_CLUSTERS') ?? sizes.a.clusters,
  pods: env('BENCH_A_PODS') ?? sizes.a.pods,
  listConcurrency: env('BENCH_LIST_CONCURRENCY'),
};

const results: Record<string, unknown> = {};
const started = Date.now();
if (only.has('a')) {
  process.stderr.write(`bench a: full sync of ${a.clusters} × ${a.pods} pods…\n`);
  results.a_fullSync = await benchFullSync(a);
}
if (only.has('b')) {
  process.stderr.write(`bench b: first page of a ${sizes.b.pods}-pod cluster…\n`);
  results.b_firstPage = await benchFirstPage(sizes.b);
}
if (only.has('c')) {
  process.stderr.write(
    `bench c: ${sizes.c.changesPerSecond} changes/s over ${sizes.c.clusters} × ${sizes.c.pods} pods…\n`,
  );
  results.c_churn = await benchChurn(sizes.c);
}

if (only.has('s')) {
  process.stderr.write(`bench s: kube-sim with ${sizes.s.clusters} × ${sizes.s.pods} pods…\n`);
  results.s_sim = await benchSim(sizes.s);
}

if (only.has('i')) {
  process.stderr.write('bench i: inspection of a simulated fleet…\n');
  results.i_inspection = await benchInspection(
    quick ? { objects: 20_000, runs: 3 } : { objects: 100_000, runs: 5 },
  );
}

if (only.has('m'))
  results.m_import = await (
    await import('./import')
  ).benchImport(quick ? { megabytes: 2, runs: 2 } : { megabytes: 10, runs: 3 });

// n: snapshot capture vs bare inserts, and open → first fleet view (`--only n`; see bench/snapshot.ts)
if (only.has('n'))
  results.n_snapshot = await (
    await import('./snapshot')
  ).benchSnapshot({ objects: quick ? 20_000 : 100_000, runs: 3 });
// d last: its 100,000-object load would otherwise inflate the RSS baseline of a
if (only.has('d')) {
  process.stderr.write(`bench d: queries over ${sizes.d.objects} objects…\n`);
  results.d_queries = await benchQueries(sizes.d);
}
process.stdout.write(
  `${JSON.stringify(
    {
      quick,
      when: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        node: process.version,
        loadavg: os.loadavg().map((l) => Number(l.toFixed(1))),
      },
      elapsedS: Math.round((Date.now() - started) / 1000),
      results,
    },
    null,
    2,
  )}\n`,
);
