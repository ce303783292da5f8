import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../services/log';
import { createAppCore, type AppCore } from './compose';

/**
 * A pod of the sample snapshot, through the composed app: its recorded usage and log tail come
 * from the snapshot file (what the capture read), and following a log is refused plainly.
 */
let core: AppCore;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-snap-pods-'));

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await core.router.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

// What the file itself holds, read straight from it, to compare the calls against.
const sample = path.resolve('resources/demo-fleet.flotilla');
const file = new Database(sample, { readonly: true });
const metric = file
  .prepare(
    "SELECT cluster, namespace, name, cpu_cores, memory_bytes FROM snapshot_metrics WHERE kind = 'Pod' LIMIT 1",
  )
  .get() as { cluster: string; namespace: string; name: string; cpu_cores: number; memory_bytes: number };
const log = file
  .prepare('SELECT cluster, namespace, pod, container, text FROM snapshot_logs LIMIT 1')
  .get() as {
  cluster: string;
  namespace: string;
  pod: string;
  container: string;
  text: string;
};
file.close();

let source: string;
beforeAll(async () => {
  core = createAppCore({ dataDir: tmp, shell: 'web', log: createLogger({ quiet: true }) });
  source = (await call<{ id: string }>('snapshots.openSample', {})).id;
});
afterAll(async () => {
  await core.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('pods of a snapshot', () => {
  it('give the usage the snapshot recorded', async () => {
    const usage = await call<{ available: boolean; recorded?: { cpu: number; memory: number } }>(
      'pods.usage',
      {
        source,
        cluster: metric.cluster,
        namespace: metric.namespace,
        name: metric.name,
      },
    );
    expect(usage.available).toBe(false);
    expect(usage.recorded).toEqual({ cpu: metric.cpu_cores, memory: metric.memory_bytes });
  });

  it('say plainly when nothing was recorded for a pod', async () => {
    const usage = await call<{ recorded?: unknown; reason: string }>('pods.usage', {
      source,
      cluster: metric.cluster,
      namespace: metric.namespace,
      name: 'no-such-pod',
    });
    expect(usage.recorded).toBeUndefined();
    expect(usage.reason).toMatch(/snapshot/i);
  });

  it('give the recorded log tail, cut to the lines asked for', async () => {
    const target = {
      source,
      cluster: log.cluster,
      namespace: log.namespace,
      pod: log.pod,
      container: log.container,
    };
    const all = await call<{ lines: string[] }>('pods.logs', target);
    expect(all.lines.join('\n')).toBe(log.text.replace(/\n$/, ''));
    const last = await call<{ lines: string[] }>('pods.logs', { ...target, tailLines: 1 });
    expect(last.lines).toEqual(all.lines.slice(-1));
  });

  it('name the container when the snapshot has no log of it, and refuse to follow', async () => {
    const target = {
      source,
      cluster: log.cluster,
      namespace: log.namespace,
      pod: log.pod,
      container: 'sidecar-x',
    };
    await expect(call('pods.logs', target)).rejects.toThrow(/NOT_FOUND .*\(sidecar-x\)/);
    await expect(call('pods.logs.follow', { ...target, container: log.container })).rejects.toThrow(
      /live clusters only/,
    );
  });
});
