/** One process holds 10 clusters × 3,000 pods and serves paginated lists quickly. */
import { mkdtempSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../index';
import { fixtureSpec } from '../testing/fixture';
import type { KObject } from '../store/api';

let sim: SimHandle;

const pod = (i: number): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `p-${i}`, namespace: 'demo', labels: { app: `a${i % 50}` } },
  spec: {
    nodeName: 'n1',
    containers: [
      {
        name: 'c',
        image: 'nginx:1.27',
        resources: { requests: { cpu: '100m', memory: '128Mi' } },
        ports: [{ containerPort: 80 }],
      },
    ],
  },
  status: {
    phase: 'Running',
    podIP: '10.0.0.1',
    containerStatuses: [
      { name: 'c', ready: true, restartCount: 0, state: { running: { startedAt: '2024-01-01T00:00:00Z' } } },
    ],
  },
});

function get(
  cluster: SimHandle['clusters'][number],
  ca: string,
  path: string,
): Promise<{ ms: number; body: Record<string, unknown> }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    request(
      new URL(path, cluster.server),
      { ca, headers: { Authorization: `Bearer ${cluster.adminToken}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            ms: performance.now() - t0,
            body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
          }),
        );
      },
    )
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  sim = await startSim({
    outDir: mkdtempSync(join(tmpdir(), 'kube-sim-scale-')),
    specs: Array.from({ length: 10 }, (_, i) => fixtureSpec(`scale-${i}`)),
    controllers: false,
  });
  for (const c of sim.clusters) for (let i = 0; i < 3000; i++) c.store.create('v1/pods', pod(i));
}, 60_000);
afterAll(async () => {
  await sim?.stop();
});

describe('scale', () => {
  it('pages 3,000 pods in 500s on every one of 10 clusters, each page fast', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const kc = parse(readFileSync(sim.kubeconfigPath, 'utf8')) as {
      clusters: Array<{ name: string; cluster: { 'certificate-authority-data': string } }>;
    };
    const slowest: number[] = [];
    for (const c of sim.clusters) {
      const ca = Buffer.from(
        kc.clusters.find((k) => k.name === c.name)?.cluster['certificate-authority-data'] ?? '',
        'base64',
      ).toString();
      let cont = '';
      let total = 0;
      let worst = 0;
      do {
        const { ms, body } = await get(
          c,
          ca,
          `/api/v1/pods?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`,
        );
        total += (body.items as unknown[]).length;
        worst = Math.max(worst, ms);
        cont = String((body.metadata as { continue?: string }).continue ?? '');
      } while (cont);
      expect(total).toBe(3000);
      slowest.push(worst);
    }
    expect(Math.max(...slowest)).toBeLessThan(1000);
    expect(process.memoryUsage().rss).toBeLessThan(1.5e9);
  }, 60_000);
});
