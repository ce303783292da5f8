/**
 * OpenAPI v2 and server-side field validation, judged by real clients: kubectl (KUBECTL_OLD, e.g. Debian's
 * 1.20 which reads /openapi/v2 as protobuf, else the default kubectl) and @kubernetes/client-node.
 */
import * as k8s from '@kubernetes/client-node';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../index';
import { requireKubectl } from '../testing/kubectl';

const KUBECTL = process.env.KUBECTL_OLD ?? process.env.KUBECTL ?? 'kubectl';
let sim: SimHandle;
let kc: k8s.KubeConfig;
const home = mkdtempSync(join(tmpdir(), 'kube-sim-schema-'));

function kubectl(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      KUBECTL,
      args,
      { env: { ...process.env, KUBECONFIG: sim.kubeconfigPath, HOME: home }, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

interface Raw {
  code: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
async function raw(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Raw> {
  const url = new URL(path, kc.getCurrentCluster()?.server);
  const opts: RequestOptions & { headers: Record<string, string> } = {
    method,
    hostname: url.hostname,
    port: url.port,
    path: url.pathname + url.search,
    headers: { Accept: accept, 'Content-Type': 'application/json' },
  };
  await kc.applyToHTTPSOptions(opts);
  return new Promise((resolve, reject) => {
    const req = request(opts, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ code: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const pod = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27', ...extra }] },
});

beforeAll(async () => {
  requireKubectl();
  sim = await startSim({
    outDir: mkdtempSync(join(tmpdir(), 'kube-sim-schema-')),
    clusters: 1,
    nodes: 1,
    pods: 0,
    controllers: false,
  });
  kc = new k8s.KubeConfig();
  kc.loadFromFile(sim.kubeconfigPath);
});
afterAll(async () => {
  await sim?.stop();
});

describe('/openapi/v2', () => {
  it('serves Swagger 2.0 JSON with definitions, GVKs and strategic-merge keys', async () => {
    const r = await raw('GET', '/openapi/v2');
    expect(r.code).toBe(200);
    const doc = JSON.parse(r.body.toString()) as {
      swagger: string;
      definitions: Record<
        string,
        { properties?: Record<string, Record<string, unknown>> } & Record<string, unknown>
      >;
      paths: Record<string, unknown>;
    };
    expect(doc.swagger).toBe('2.0');
    const spec = doc.definitions['io.k8s.api.core.v1.PodSpec'];
    expect(spec?.properties?.containers?.['x-kubernetes-patch-merge-key']).toBe('name');
    expect(spec?.properties?.volumes?.['x-kubernetes-patch-strategy']).toBe('merge,retainKeys');
    const container = doc.definitions['io.k8s.api.core.v1.Container'];
    expect(container?.properties?.ports?.['x-kubernetes-patch-merge-key']).toBe('containerPort');
    expect(container?.properties?.volumeMounts?.['x-kubernetes-patch-merge-key']).toBe('mountPath');
    expect(doc.definitions['io.k8s.api.apps.v1.Deployment']?.['x-kubernetes-group-version-kind']).toEqual([
      { group: 'apps', version: 'v1', kind: 'Deployment' },
    ]);
    expect(Object.keys(doc.paths)).toContain('/api/v1/namespaces/{namespace}/pods/{name}');
  });

  it('serves the same document as protobuf when asked (client-go)', async () => {
    const r = await raw(
      'GET',
      '/openapi/v2',
      undefined,
      'application/com.github.proto-openapi.spec.v2@v1.0+protobuf',
    );
    expect(r.code).toBe(200);
    expect(r.headers['content-type']).toContain('protobuf');
    expect(r.body.subarray(0, 5)).toEqual(Buffer.from([0x0a, 0x03, 0x32, 0x2e, 0x30]));
    expect(r.body.includes(Buffer.from('io.k8s.api.core.v1.Container'))).toBe(true);
  });

  it('lets kubectl explain pods, containers and deployment specs', async () => {
    const pods = await kubectl(['explain', 'pods']);
    expect(pods.stderr).toBe('');
    expect(pods.stdout).toMatch(/KIND:\s+Pod/);
    expect(pods.stdout).toMatch(/collection of containers/);
    const containers = await kubectl(['explain', 'pods.spec.containers']);
    expect(containers.stdout).toMatch(/(RESOURCE|FIELD):\s+containers/);
    expect(containers.stdout).toMatch(/imagePullPolicy/);
    expect(containers.stdout).toMatch(/name\s+<string>\s+-required-/);
    const deploy = await kubectl(['explain', 'deployments.spec']);
    expect(deploy.stdout).toMatch(/replicas/);
    expect(deploy.stdout).toMatch(/progressDeadlineSeconds/);
  });
});

describe('fieldValidation', () => {
  it('rejects unknown fields under Strict with 400 naming each field', async () => {
    const r = await raw('POST', '/api/v1/namespaces/default/pods?fieldValidation=Strict', {
      ...pod('strict-1', { imagez: 'x' }),
      spec: { containers: [{ name: 'web', image: 'nginx', imagez: 'x' }], containerz: [] },
    });
    expect(r.code).toBe(400);
    const status = JSON.parse(r.body.toString()) as { reason: string; message: string };
    expect(status.reason).toBe('BadRequest');
    expect(status.message).toContain('strict decoding error: unknown field "spec.containers[0].imagez"');
    expect(status.message).toContain('unknown field "spec.containerz"');
  });

  it('warns under Warn (the default) and says nothing under Ignore', async () => {
    const warn = await raw('POST', '/api/v1/namespaces/default/pods', pod('warn-1', { imagez: 'x' }));
    expect(warn.code).toBe(201);
    expect(warn.headers.warning).toContain('unknown field \\"spec.containers[0].imagez\\"');
    const ignore = await raw(
      'POST',
      '/api/v1/namespaces/default/pods?fieldValidation=Ignore',
      pod('ignore-1', { imagez: 'x' }),
    );
    expect(ignore.code).toBe(201);
    expect(ignore.headers.warning).toBeUndefined();
    const clean = await raw('POST', '/api/v1/namespaces/default/pods?fieldValidation=Strict', pod('clean-1'));
    expect(clean.code).toBe(201);
    expect(clean.headers.warning).toBeUndefined();
    expect((await raw('POST', '/api/v1/namespaces/default/pods?fieldValidation=Bogus', pod('b'))).code).toBe(
      400,
    );
  });

  it('is enforced for client-node patches that ask for Strict', async () => {
    // client-node's typed serializer drops unknown fields of whole objects, but patch bodies pass as sent.
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    const body: k8s.V1Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'cn-strict' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'cn' } },
        template: {
          metadata: { labels: { app: 'cn' } },
          spec: { containers: [{ name: 'a', image: 'nginx' }] },
        },
      },
    };
    await apps.createNamespacedDeployment({ namespace: 'default', body, fieldValidation: 'Strict' });
    const merge = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);
    const patch = (fieldValidation: string): Promise<unknown> =>
      apps.patchNamespacedDeployment(
        { name: 'cn-strict', namespace: 'default', body: { spec: { replicaz: 2 } }, fieldValidation },
        merge,
      );
    const err = await patch('Strict').then(
      () => undefined,
      (e: k8s.ApiException<string>) => e,
    );
    expect(err?.code).toBe(400);
    expect(String(err?.body)).toContain('unknown field \\"spec.replicaz\\"');
    await expect(patch('Ignore')).resolves.toBeDefined();
  });

  it('is what kubectl --validate=strict gets (client-side for kubectl < 1.25)', async () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kc-strict\ndataz:\n  a: "1"\n';
    const version = await kubectl(['version', '--client']);
    const minor = Number(/Minor:"(\d+)|v1\.(\d+)/.exec(version.stdout)?.slice(1).find(Boolean) ?? 99);
    const flag = minor >= 25 ? '--validate=strict' : '--validate=true';
    const strict = await kubectl(['apply', flag, '-f', '-'], manifest);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toMatch(/unknown field "dataz"/);
    const loose = await kubectl(['apply', '--validate=false', '-f', '-'], manifest);
    // kubectl >= 1.25 sends fieldValidation=Ignore; older ones send nothing and get the default Warn.
    expect(loose.stderr).toBe(minor >= 25 ? '' : 'Warning: unknown field "dataz"\n');
    expect(loose.stdout).toContain('configmap/kc-strict created');
  });
});

describe('custom resources against their CRD schema', () => {
  const gizmo = (spec: Record<string, unknown>, name = 'g1'): Record<string, unknown> => ({
    apiVersion: 'example.com/v1',
    kind: 'Gizmo',
    metadata: { name },
    spec,
  });
  const path = '/apis/example.com/v1/namespaces/default/gizmos';

  beforeAll(async () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'gizmos.example.com' },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural: 'gizmos', singular: 'gizmo', kind: 'Gizmo' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: {
                    type: 'object',
                    required: ['size'],
                    properties: {
                      size: { type: 'integer', minimum: 1, maximum: 10 },
                      color: { type: 'string', enum: ['red', 'blue'] },
                      port: { 'x-kubernetes-int-or-string': true },
                      tags: { type: 'array', items: { type: 'string' } },
                      extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                    },
                  },
                },
              },
            },
          },
        ],
      },
    };
    expect((await raw('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd)).code).toBe(
      201,
    );
  });

  it('accepts a valid object (int-or-string, preserved unknown fields)', async () => {
    const r = await raw(
      'POST',
      `${path}?fieldValidation=Strict`,
      gizmo({ size: 3, color: 'red', port: 'http', tags: ['a'], extra: { anything: { goes: 1 } } }),
    );
    expect(r.code).toBe(201);
  });

  it('answers 422 with one cause per broken field', async () => {
    const r = await raw('POST', path, gizmo({ size: 'big', color: 'pink', tags: [1], port: 1.5 }, 'g2'));
    expect(r.code).toBe(422);
    const status = JSON.parse(r.body.toString()) as {
      reason: string;
      message: string;
      details: { causes: Array<{ field: string; reason: string; message: string }> };
    };
    expect(status.reason).toBe('Invalid');
    expect(status.message).toMatch(/^Gizmo\.example\.com "g2" is invalid: /);
    const byField = Object.fromEntries(status.details.causes.map((c) => [c.field, c]));
    expect(byField['spec.size']?.message).toBe(
      'Invalid value: "string": spec.size in body must be of type integer: "string"',
    );
    expect(byField['spec.color']?.reason).toBe('FieldValueNotSupported');
    expect(byField['spec.tags[0]']?.reason).toBe('FieldValueTypeInvalid');
    expect(byField['spec.port']?.reason).toBe('FieldValueTypeInvalid');
    const missing = await raw('POST', path, gizmo({ color: 'red' }, 'g3'));
    expect(missing.code).toBe(422);
    expect(missing.body.toString()).toContain('spec.size: Required value');
    const range = await raw('POST', path, gizmo({ size: 11 }, 'g4'));
    expect(range.body.toString()).toContain('spec.size in body should be less than or equal to 10');
  });

  it('applies fieldValidation to undeclared fields and validates updates too', async () => {
    const strict = await raw('POST', `${path}?fieldValidation=Strict`, gizmo({ size: 2, sizez: 3 }, 'g5'));
    expect(strict.code).toBe(400);
    expect(strict.body.toString()).toContain('unknown field \\"spec.sizez\\"');
    const warned = await raw('POST', path, gizmo({ size: 2, sizez: 3, extra: { kept: true } }, 'g6'));
    expect(warned.code).toBe(201);
    expect(warned.headers.warning).toContain('unknown field \\"spec.sizez\\"');
    const stored = JSON.parse(warned.body.toString()) as { spec: Record<string, unknown> };
    expect(stored.spec).toEqual({ size: 2, extra: { kept: true } }); // pruned, except where preserved
    const merge = await raw('PATCH', `${path}/g1`, { spec: { size: 0 } });
    expect(merge.code).toBe(415);
    const r = await kubectl(['patch', 'gizmo', 'g1', '--type=merge', '-p', '{"spec":{"size":0}}']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('spec.size in body should be greater than or equal to 1');
  });

  it('rejects a CRD without names, scope or a storage version with 422', async () => {
    const r = await raw('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: { group: 'example.com', versions: [{ name: 'v1', served: true, storage: false }] },
    });
    expect(r.code).toBe(422);
    const text = r.body.toString();
    expect(text).toContain('spec.names.plural: Required value');
    expect(text).toContain('spec.scope: Required value');
    expect(text).toContain('must have exactly one version marked as storage version');
  });
});
