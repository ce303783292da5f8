import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import bundled from '../../resources/schemas/kube-openapi.json';
import { createOpenApiCache } from './openapi-cache';
import { KubeHttpError } from './request';

/**
 * The OpenAPI cache's rules, over kube-sim's OpenAPI text served from memory: which documents it
 * reads, how long it keeps them, that failures are not kept, and that a kind missing from a cached
 * document makes it be read again (a CRD installed since). The HTTP side is in apply.integration.test.ts.
 */

const kc = new KubeConfig();
const deployment = { group: 'apps', version: 'v1', kind: 'Deployment' };
const index = { paths: { 'apis/apps/v1': { serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=A' } } };

function server(answers: Record<string, () => unknown>) {
  const asked: string[] = [];
  let clock = 0;
  const cache = createOpenApiCache({
    ttlMs: 60_000,
    recheckMs: 5_000,
    now: () => clock,
    get: async (_kc, path) => {
      asked.push(path);
      const answer = answers[path];
      if (!answer) throw new KubeHttpError(404, 'NotFound', `${path}: HTTP 404`);
      return answer();
    },
  });
  return { cache, asked, tick: (ms: number) => (clock += ms) };
}

describe('createOpenApiCache', () => {
  it('reads the v3 index and the kind’s group-version once, until the TTL runs out', async () => {
    const s = server({ '/openapi/v3': () => index, '/openapi/v3/apis/apps/v1?hash=A': () => bundled });
    const first = await s.cache.schemaFor('c1', kc, deployment);
    expect(first?.title).toBe('Deployment (apps/v1)');
    expect(await s.cache.schemaFor('c1', kc, deployment)).toBe(first);
    expect(s.asked).toEqual(['/openapi/v3', '/openapi/v3/apis/apps/v1?hash=A']);
    s.tick(60_001);
    await s.cache.schemaFor('c1', kc, deployment);
    expect(s.asked).toHaveLength(4);
    // Another cluster has its own documents.
    await s.cache.schemaFor('c2', kc, deployment);
    expect(s.asked).toHaveLength(6);
  });

  it('falls back to /openapi/v2 when v3 is not served, and keeps that 404', async () => {
    const s = server({ '/openapi/v2': () => bundled });
    expect((await s.cache.schemaFor('c1', kc, deployment))?.title).toBe('Deployment (apps/v1)');
    expect(s.asked).toEqual(['/openapi/v3', '/openapi/v2']);
    await s.cache.schemaFor('c1', kc, deployment);
    expect(s.asked).toHaveLength(2);
  });

  it('does not keep a failure', async () => {
    let fail = true;
    const s = server({
      '/openapi/v3': () => {
        if (fail) throw new Error('connect ECONNREFUSED');
        return index;
      },
      '/openapi/v3/apis/apps/v1?hash=A': () => bundled,
    });
    await expect(s.cache.schemaFor('c1', kc, deployment)).rejects.toThrow(/ECONNREFUSED/);
    fail = false;
    expect((await s.cache.schemaFor('c1', kc, deployment))?.title).toBe('Deployment (apps/v1)');
  });

  it('reads a cached document again for a missing kind, at most every recheck period', async () => {
    const widget = { group: 'example.com', version: 'v1', kind: 'Widget' };
    let installed = false;
    const s = server({
      '/openapi/v3': () =>
        installed ? { paths: { 'apis/example.com/v1': { serverRelativeURL: '/w' } } } : index,
      '/w': () => ({
        components: {
          schemas: {
            'com.example.v1.Widget': { type: 'object', 'x-kubernetes-group-version-kind': [widget] },
          },
        },
      }),
    });
    expect(await s.cache.schemaFor('c1', kc, widget)).toBeUndefined();
    const before = s.asked.length;
    installed = true;
    // Within the recheck period the cached index stands.
    expect(await s.cache.schemaFor('c1', kc, widget)).toBeUndefined();
    expect(s.asked.filter((p) => p === '/openapi/v3')).toHaveLength(1);
    s.tick(5_001);
    expect((await s.cache.schemaFor('c1', kc, widget))?.title).toBe('Widget (example.com/v1)');
    expect(s.asked.length).toBeGreaterThan(before);
  });

  it('forgets a cluster on request', async () => {
    const s = server({ '/openapi/v3': () => index, '/openapi/v3/apis/apps/v1?hash=A': () => bundled });
    await s.cache.schemaFor('c1', kc, deployment);
    s.cache.forget('c1');
    await s.cache.schemaFor('c1', kc, deployment);
    expect(s.asked).toHaveLength(4);
  });
});
