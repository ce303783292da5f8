/** Bad requests get a real API server's status codes; faults switch on and off at run time; pod logs. */
import { connect } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../index';
import { fixtureSpec, raw } from '../testing/fixture';

let sim: SimHandle;
const req = (method: string, path: string, opts: Parameters<typeof raw>[3] = {}) =>
  raw(sim.kubeconfigPath, method, path, opts);
const podJson = (name: string, containers: unknown[]) =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers } });

beforeAll(async () => {
  sim = await startSim({
    outDir: mkdtempSync(join(tmpdir(), 'kube-sim-err-')),
    specs: [fixtureSpec('errs')],
    controllers: false,
  });
});
afterAll(async () => {
  await sim?.stop();
});

describe('bad requests', () => {
  it('malformed JSON and YAML bodies are 400 BadRequest', async () => {
    const json = await req('POST', '/api/v1/namespaces/demo/configmaps', {
      body: '{"apiVersion": "v1", "kind": ',
    });
    expect(json.status).toBe(400);
    expect(json.json()).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', code: 400 });
    const yaml = await req('POST', '/api/v1/namespaces/demo/configmaps', {
      body: 'kind: ConfigMap\nmetadata: [unclosed\n',
      contentType: 'application/yaml',
    });
    expect(yaml.status).toBe(400);
    expect(
      (await req('POST', '/api/v1/namespaces/demo/configmaps', { body: 'name=x', contentType: 'text/plain' }))
        .status,
    ).toBe(415);
    const wrongKind = await req('POST', '/api/v1/namespaces/demo/configmaps', {
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x' } }),
    });
    expect(wrongKind.status).toBe(400);
  });

  it('a pod without containers is 422 Invalid with causes', async () => {
    const r = await req('POST', '/api/v1/namespaces/demo/pods', { body: podJson('empty', []) });
    expect(r.status).toBe(422);
    expect(r.json()).toMatchObject({
      reason: 'Invalid',
      code: 422,
      details: {
        name: 'empty',
        kind: 'Pod',
        causes: [{ reason: 'FieldValueRequired', field: 'spec.containers' }],
      },
    });
    const noImage = await req('POST', '/api/v1/namespaces/demo/pods', {
      body: podJson('noimage', [{ name: 'c' }]),
    });
    expect(noImage.json()).toMatchObject({
      code: 422,
      details: { causes: [{ field: 'spec.containers[0].image' }] },
    });
    const badName = await req('POST', '/api/v1/namespaces/demo/configmaps', {
      body: JSON.stringify({ metadata: { name: 'Not_Valid' } }),
    });
    expect(badName.status).toBe(422);
  });

  it('unknown kinds and missing objects are 404, a missing namespace too', async () => {
    expect((await req('GET', '/apis/example.com/v1/gizmos')).status).toBe(404);
    const missing = await req('GET', '/api/v1/namespaces/demo/configmaps/nope');
    expect(missing.json()).toMatchObject({
      reason: 'NotFound',
      code: 404,
      message: 'configmaps "nope" not found',
    });
    const noNs = await req('POST', '/api/v1/namespaces/ghost/configmaps', {
      body: JSON.stringify({ metadata: { name: 'x' } }),
    });
    expect(noNs.json()).toMatchObject({ code: 404, message: 'namespaces "ghost" not found' });
    expect((await req('POST', '/apis/metrics.k8s.io/v1beta1/nodes', { body: '{}' })).status).toBe(405);
  });

  it('401 without or with a wrong token; health endpoints stay open', async () => {
    expect((await req('GET', '/api/v1/namespaces', { token: '' })).status).toBe(401);
    expect((await req('GET', '/api/v1/namespaces', { token: 'wrong' })).json()).toMatchObject({
      reason: 'Unauthorized',
      code: 401,
    });
    expect((await req('GET', '/readyz', { token: '' })).body).toBe('ok');
  });

  it('serves aggregated discovery when asked, legacy discovery otherwise', async () => {
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const agg = (await req('GET', '/apis', { accept })).json() as {
      kind: string;
      items: Array<{
        metadata: { name: string };
        versions: Array<{ version: string; resources: Array<{ resource: string; scope: string }> }>;
      }>;
    };
    expect(agg.kind).toBe('APIGroupDiscoveryList');
    const apps = agg.items.find((i) => i.metadata.name === 'apps');
    expect(apps?.versions[0].resources.find((r) => r.resource === 'deployments')).toMatchObject({
      scope: 'Namespaced',
    });
    const autoscaling = agg.items.find((i) => i.metadata.name === 'autoscaling');
    expect(autoscaling?.versions.map((v) => v.version)).toEqual(['v2', 'v1']);
    const core = (await req('GET', '/api', { accept })).json() as {
      items: Array<{ versions: Array<{ resources: Array<{ resource: string }> }> }>;
    };
    expect(core.items[0].versions[0].resources.map((r) => r.resource)).toContain('pods');
    expect((await req('GET', '/apis')).json().kind).toBe('APIGroupList');
  });

  it('serves core events through events.k8s.io/v1 too', async () => {
    const event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'e1' },
      involvedObject: { kind: 'Pod', name: 'p', namespace: 'demo' },
      reason: 'Started',
      message: 'Started container',
      type: 'Normal',
      source: { component: 'kubelet' },
      count: 2,
    };
    expect(
      (await req('POST', '/api/v1/namespaces/demo/events', { body: JSON.stringify(event) })).status,
    ).toBe(201);
    const list = (await req('GET', '/apis/events.k8s.io/v1/namespaces/demo/events')).json() as {
      apiVersion: string;
      items: Array<Record<string, unknown>>;
    };
    expect(list.apiVersion).toBe('events.k8s.io/v1');
    expect(list.items[0]).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      note: 'Started container',
      reportingController: 'kubelet',
      deprecatedCount: 2,
      regarding: { name: 'p' },
    });
    const created = await req('POST', '/apis/events.k8s.io/v1/namespaces/demo/events', {
      body: JSON.stringify({
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name: 'e2' },
        regarding: { kind: 'Pod', name: 'q' },
        reason: 'Pulled',
        note: 'pulled',
        type: 'Normal',
        eventTime: '2024-01-01T00:00:00.000000Z',
        reportingController: 'kubelet',
        reportingInstance: 'n1',
        action: 'Pull',
      }),
    });
    expect(created.status).toBe(201);
    expect((await req('GET', '/api/v1/namespaces/demo/events/e2')).json()).toMatchObject({
      message: 'pulled',
      involvedObject: { name: 'q' },
    });
  });

  it('serves Table output with -o wide columns', async () => {
    const t = (
      await req('GET', '/api/v1/nodes', {
        accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      })
    ).json();
    expect(t.kind).toBe('Table');
    expect((t.columnDefinitions as Array<{ name: string }>).map((c) => c.name)).toEqual([
      'Name',
      'Status',
      'Roles',
      'Age',
      'Version',
      'Internal-IP',
      'External-IP',
      'OS-Image',
      'Kernel-Version',
      'Container-Runtime',
    ]);
    expect((t.rows as Array<{ cells: unknown[] }>)[0].cells.slice(0, 3)).toEqual([
      'errs-node-1',
      'Ready',
      'worker',
    ]);
  });
});

describe('faults', () => {
  it('fails a fraction of requests with 500 or 429, adds latency, and recovers', async () => {
    await sim.admin.setFaults('errs', { errorRate: 1, errorCode: 429 });
    const limited = await req('GET', '/api/v1/namespaces');
    expect(limited.status).toBe(429);
    expect(limited.json()).toMatchObject({ reason: 'TooManyRequests' });
    await sim.admin.setFaults('errs', { errorCode: 500 });
    expect((await req('GET', '/api/v1/namespaces')).status).toBe(500);
    await sim.admin.setFaults('errs', { errorRate: 0, latencyMs: 300 });
    const t0 = Date.now();
    expect((await req('GET', '/api/v1/namespaces')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    await sim.admin.reset('errs');
    await expect(sim.admin.setFaults('errs', { errorRate: 2 })).rejects.toThrow(/errorRate/);
  });

  it('expires tokens and restores them', async () => {
    sim.admin.expireTokens('errs', 'admin');
    expect((await req('GET', '/api/v1/namespaces')).status).toBe(401);
    sim.admin.restoreTokens('errs');
    expect((await req('GET', '/api/v1/namespaces')).status).toBe(200);
  });

  it('stops answering (silent, then refused) and comes back', async () => {
    await sim.admin.setFaults('errs', { unreachable: 'silent' });
    const t0 = Date.now();
    await expect(raw(sim.kubeconfigPath, 'GET', '/version', { timeoutMs: 1500 })).rejects.toThrow(
      /timed out/,
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1400);
    await sim.admin.setFaults('errs', { unreachable: 'refuse' });
    const port = sim.clusters[0].port;
    const refused = await new Promise<string>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.on('connect', () => (s.destroy(), resolve('connected')));
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
    await sim.admin.reset('errs');
    expect((await req('GET', '/version')).json()).toMatchObject({ gitVersion: 'v1.29.4' });
  }, 20_000);

  it('is controlled over the admin HTTP endpoint with its own token', async () => {
    const call = (method: string, path: string, body?: unknown, token = sim.adminToken) =>
      fetch(`${sim.adminUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
    expect((await call('GET', '/clusters', undefined, 'wrong')).status).toBe(401);
    const set = await call('PATCH', '/clusters/errs/faults', { latencyMs: 5 });
    expect(await set.json()).toMatchObject({ latencyMs: 5 });
    expect((await call('PATCH', '/clusters/errs/faults', { bogus: 1 })).status).toBe(400);
    expect((await call('POST', '/clusters/errs/reset')).status).toBe(200);
    expect(
      ((await (await call('GET', '/clusters')).json()) as Array<{ faults: { latencyMs: number } }>)[0].faults
        .latencyMs,
    ).toBe(0);
  });
});

describe('pod logs', () => {
  it('streams plausible lines with tailLines and timestamps, and refuses a pod that has not started', async () => {
    expect(
      (
        await req('POST', '/api/v1/namespaces/demo/pods', {
          body: podJson('web', [{ name: 'nginx', image: 'nginx:1.27' }]),
        })
      ).status,
    ).toBe(201);
    const waiting = await req('GET', '/api/v1/namespaces/demo/pods/web/log');
    expect(waiting.status).toBe(400);
    expect(waiting.json().message).toContain('is waiting to start');
    const started = new Date(Date.now() - 120_000).toISOString();
    const status = {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'nginx',
          ready: true,
          restartCount: 0,
          image: 'nginx:1.27',
          imageID: '',
          state: { running: { startedAt: started } },
        },
      ],
    };
    const put = await req('PATCH', '/api/v1/namespaces/demo/pods/web/status', {
      body: JSON.stringify({ status }),
      contentType: 'application/merge-patch+json',
    });
    expect(put.status).toBe(200);
    const logs = await req('GET', '/api/v1/namespaces/demo/pods/web/log?tailLines=5&timestamps=true');
    const lines = logs.body.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \S/);
    const since = await req('GET', '/api/v1/namespaces/demo/pods/web/log?sinceSeconds=10');
    expect(since.body.trim().split('\n').length).toBeLessThan(8);
    const all = await req('GET', '/api/v1/namespaces/demo/pods/web/log');
    expect(all.body).toContain('nginx');
  });
});
