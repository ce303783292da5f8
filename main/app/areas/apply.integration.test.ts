import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiextensionsV1Api, AppsV1Api, KubeConfig } from '@kubernetes/client-node';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import type { ApplyFailure, ApplyResult, KindSchema, OpenedObject } from '../../../shared/contract/apply';
import type { Result } from '../../../shared/contract/result';
import { createRouter, type Handlers } from '../../ipc/router';
import { createOpenApiCache } from '../../kube/openapi-cache';
import { KubeHttpError, kubeRequest } from '../../kube/request';
import { createLogger } from '../../services/log';
import { createApplyArea } from './apply';

/**
 * The YAML editor's calls over the real router against kube-sim: open (fresh, managedFields
 * hidden, rights), dry run (nothing changes), apply as "flotilla", a managed-field conflict and a
 * stale resourceVersion (409s told apart) with force, bad YAML and renames refused with their
 * line or field, a read-only user, and delete on a protected cluster; the kind's JSON Schema from the
 * cluster's OpenAPI (v3, a custom resource, v2 for a cluster without v3), else the bundled one.
 */
let sim: SimHandle;
let kubectl: (...args: string[]) => Promise<unknown>;
let apps: AppsV1Api;
let call: (name: string, input: unknown) => Promise<Result<unknown>>;
let admin: KubeConfig;
/** Paths the area's OpenAPI cache fetched from kube-sim. */
const fetched: string[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'apply-it-'));
const ref = {
  cluster: 'c1',
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  namespace: 'default',
  name: 'web',
};
const viewerRef = { ...ref, cluster: 'viewer' };
const protectedCluster = { name: 'prod-1', protected: true };

function kubeConfig(file: string, context: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(file);
  kc.setCurrentContext(context);
  return kc;
}

beforeAll(async () => {
  sim = await startSim({ outDir: path.join(tmp, 'sim'), clusters: 1, nodes: 2, pods: 2 });
  const name = sim.clusters[0]!.name;
  admin = kubeConfig(sim.kubeconfigPath, name);
  const down = kubeConfig(sim.kubeconfigPath, name);
  down.clusters = down.clusters.map((c) => ({ ...c, server: 'https://127.0.0.1:9' }));
  const viewer = kubeConfig(sim.viewerKubeconfigPath, name);
  apps = admin.makeApiClient(AppsV1Api);
  kubectl = (...args) =>
    promisify(execFile)(process.env.KUBECTL ?? 'kubectl', [
      '--kubeconfig',
      sim.kubeconfigPath,
      '--context',
      name,
      '-n',
      'default',
      ...args,
    ]);
  for (const n of ['web', 'doomed']) {
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: n, labels: { app: n } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: n } },
          template: {
            metadata: { labels: { app: n } },
            spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] },
          },
        },
      },
    });
  }
  const area = createApplyArea({
    log: createLogger({ quiet: true }),
    cluster: (id) =>
      id === 'c1'
        ? { name: 'c1', protected: false }
        : id === 'viewer'
          ? { name: 'viewer', protected: false }
          : protectedCluster,
    kubeConfigFor: (id) =>
      id === 'viewer' ? viewer : id === 'down' ? down : id === 'new' ? undefined : admin,
    openapi: createOpenApiCache({
      timeoutMs: 5_000,
      // A CRD made during the tests must be found at once.
      recheckMs: 0,
      get: (kc, p, ms) => {
        fetched.push(p);
        return kubeRequest(kc, p, { timeoutMs: ms });
      },
    }),
  });
  const router = createRouter(area.handlers as unknown as Handlers, createLogger({ quiet: true }));
  call = (n, input) => router.dispatch(n, input);
}, 60_000);

afterAll(async () => {
  await sim?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function ok<T>(name: string, input: unknown): Promise<T> {
  const r = await call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

async function failure(name: string, input: unknown) {
  const r = await call(name, input);
  if (r.ok) throw new Error(`${name} succeeded but should have failed`);
  return { ...r.error, details: r.error.details as ApplyFailure | undefined };
}

/** The opened object's YAML with `edit` applied to it. */
function edited(
  opened: OpenedObject,
  edit: (o: { spec: { replicas: number } } & Record<string, unknown>) => void,
) {
  const copy = structuredClone(opened.object) as { spec: { replicas: number } } & Record<string, unknown>;
  edit(copy);
  return stringify(copy);
}

const liveReplicas = async (n = 'web') =>
  (await apps.readNamespacedDeployment({ namespace: 'default', name: n })).spec?.replicas;

describe('apply area against kube-sim', () => {
  it('opens the live object without managedFields, editable for the admin', async () => {
    const opened = await ok<OpenedObject>('apply.open', ref);
    const meta = opened.object.metadata as Record<string, unknown>;
    expect(meta.name).toBe('web');
    expect(meta.managedFields).toBeUndefined();
    expect(opened.resourceVersion).toBe(meta.resourceVersion);
    expect(opened.readOnly).toBeUndefined();
    expect(opened.noDelete).toBeUndefined();
  });

  it('dry run returns the would-be object and changes nothing; a field owned by another manager conflicts', async () => {
    const opened = await ok<OpenedObject>('apply.open', ref);
    const yaml = edited(opened, (o) => (o.spec.replicas = 3));
    const conflict = await failure('apply.dryRun', { ref, yaml, base: stringify(opened.object) });
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.details?.conflict).toBe('fields');
    expect(conflict.details?.causes.map((c) => c.field)).toContain('.spec.replicas');
    const dry = await ok<ApplyResult>('apply.dryRun', { ref, yaml, force: true });
    expect(dry.dryRun).toBe(true);
    expect((dry.object.spec as { replicas: number }).replicas).toBe(3);
    expect(await liveReplicas()).toBe(1);
  });

  it('applies with force as field manager flotilla, then applies again without force', async () => {
    const opened = await ok<OpenedObject>('apply.open', ref);
    const applied = await ok<ApplyResult>('apply.apply', {
      ref,
      yaml: edited(opened, (o) => (o.spec.replicas = 3)),
      force: true,
    });
    expect(applied.dryRun).toBe(false);
    expect(await liveReplicas()).toBe(3);
    const live = await apps.readNamespacedDeployment({ namespace: 'default', name: 'web' });
    const managers = (live.metadata?.managedFields ?? []).map((m) => `${m.manager}/${m.operation}`);
    expect(managers).toContain('flotilla/Apply');
    // flotilla owns replicas now: a plain apply of a new value needs no force.
    const again = await ok<OpenedObject>('apply.open', ref);
    await ok<ApplyResult>('apply.apply', {
      ref,
      yaml: edited(again, (o) => (o.spec.replicas = 2)),
      base: stringify(again.object),
    });
    expect(await liveReplicas()).toBe(2);
  });

  it('a change made underneath after opening is a resourceVersion conflict; force applies over it', async () => {
    const opened = await ok<OpenedObject>('apply.open', ref);
    // Another client labels the deployment: no field of ours, only a newer resourceVersion.
    await kubectl('label', 'deployment', 'web', 'touched=yes');
    const yaml = edited(opened, (o) => (o.spec.replicas = 4));
    const staleDry = await failure('apply.dryRun', { ref, yaml, base: stringify(opened.object) });
    expect(staleDry.details?.conflict).toBe('resourceVersion');
    const stale = await failure('apply.apply', { ref, yaml, base: stringify(opened.object) });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.details?.conflict).toBe('resourceVersion');
    expect(await liveReplicas()).toBe(2);
    await ok<ApplyResult>('apply.apply', { ref, yaml, force: true });
    expect(await liveReplicas()).toBe(4);
  });

  it('a status-only change underneath is not a conflict when the opened YAML is sent as base', async () => {
    const opened = await ok<OpenedObject>('apply.open', ref);
    await kubectl(
      'patch',
      'deployment',
      'web',
      '--subresource=status',
      '--type=merge',
      '-p',
      '{"status":{"observedGeneration":42}}',
    );
    const yaml = edited(opened, (o) => (o.spec.replicas = 5));
    const without = await failure('apply.apply', { ref, yaml });
    expect(without.details?.conflict).toBe('resourceVersion');
    await ok<ApplyResult>('apply.dryRun', { ref, yaml, base: stringify(opened.object) });
    const applied = await ok<ApplyResult>('apply.apply', { ref, yaml, base: stringify(opened.object) });
    expect(applied.resourceVersion).not.toBe(opened.resourceVersion);
    expect(await liveReplicas()).toBe(5);
  });

  it('refuses bad YAML with its line, a rename with the field, and an invalid value with the API causes', async () => {
    const opened = await ok<OpenedObject>('apply.open', ref);
    const bad = await failure('apply.dryRun', {
      ref,
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: [\n',
    });
    expect(bad.code).toBe('INVALID_ARGUMENT');
    expect(bad.details?.line).toBeGreaterThan(0);
    const renamed = await failure('apply.dryRun', {
      ref,
      yaml: edited(opened, (o) => ((o.metadata as { name: string }).name = 'other')),
    });
    expect(renamed.message).toContain('metadata.name');
    const invalid = await failure('apply.dryRun', {
      ref,
      yaml: edited(opened, (o) => {
        const pod = (o.spec as unknown as { template: { spec: { containers: { image: string }[] } } })
          .template.spec;
        pod.containers[0]!.image = '';
      }),
      force: true,
    });
    expect(invalid.code).toBe('INVALID_ARGUMENT');
    expect(invalid.details?.status).toBe(422);
    expect(invalid.details?.causes.map((c) => c.field).join(' ')).toMatch(/image/);
  });

  it('asks the API server for strict field validation: an unknown field is refused by name', async () => {
    const opened = await ok<OpenedObject>('apply.open', ref);
    const unknown = await failure('apply.dryRun', {
      ref,
      yaml: edited(opened, (o) => ((o.spec as unknown as Record<string, unknown>).replicaz = 3)),
      force: true,
    });
    expect(unknown.code).toBe('INVALID_ARGUMENT');
    expect(unknown.message).toMatch(/replicaz/);
  });

  it('is read-only for a viewer, whose apply is refused by the API server', async () => {
    const opened = await ok<OpenedObject>('apply.open', viewerRef);
    expect(opened.readOnly).toMatch(/may not change/);
    expect(opened.noDelete).toMatch(/may not delete/);
    const denied = await failure('apply.apply', {
      ref: viewerRef,
      yaml: edited(opened, () => {}),
      force: true,
    });
    expect(denied.code).toBe('PERMISSION_DENIED');
  });

  it('deletes only with the protected cluster name typed', async () => {
    const doomed = { ...ref, cluster: 'prod', name: 'doomed' };
    const refused = await failure('apply.delete', { ref: doomed, confirmName: 'prod' });
    expect(refused.code).toBe('PERMISSION_DENIED');
    expect(await liveReplicas('doomed')).toBe(1);
    expect(await ok('apply.delete', { ref: doomed, confirmName: 'prod-1' })).toEqual({ deleted: true });
    const gone = await failure('apply.open', doomed);
    expect(gone.code).toBe('NOT_FOUND');
  });
});

describe('apply.schema', () => {
  const deployment = { group: 'apps', version: 'v1', kind: 'Deployment' };
  const props = (s: KindSchema) =>
    (s.schema as { properties: Record<string, { enum?: string[] }> }).properties;

  it("gives the cluster's schema of a kind from its OpenAPI v3, reading only that group-version, cached", async () => {
    fetched.length = 0;
    const got = await ok<KindSchema>('apply.schema', { cluster: 'c1', ...deployment });
    expect(got.source).toBe('cluster');
    expect(got.note).toBeUndefined();
    expect(props(got).apiVersion!.enum).toEqual(['apps/v1']);
    expect(props(got).kind!.enum).toEqual(['Deployment']);
    const defs = Object.keys((got.schema as { definitions: object }).definitions);
    expect(defs).toContain('io.k8s.api.apps.v1.DeploymentSpec');
    expect(defs).not.toContain('io.k8s.api.batch.v1.JobSpec');
    expect(fetched).toEqual(['/openapi/v3', expect.stringMatching(/^\/openapi\/v3\/apis\/apps\/v1\?hash=/)]);
    await ok<KindSchema>('apply.schema', { cluster: 'c1', ...deployment });
    expect(fetched).toHaveLength(2);
  });

  it('describes a custom resource from its CRD, which the bundled schema cannot', async () => {
    await admin.makeApiClient(ApiextensionsV1Api).createCustomResourceDefinition({
      body: {
        metadata: { name: 'widgets.example.com' },
        spec: {
          group: 'example.com',
          scope: 'Namespaced',
          names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
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
                      properties: { size: { type: 'integer', description: 'How big the widget is.' } },
                    },
                  },
                },
              },
            },
          ],
        },
      },
    });
    const widget = { group: 'example.com', version: 'v1', kind: 'Widget' };
    const got = await ok<KindSchema>('apply.schema', { cluster: 'c1', ...widget });
    expect(got.source).toBe('cluster');
    const spec = (got.schema as { properties: { spec: Record<string, unknown> } }).properties.spec;
    expect(spec).toMatchObject({
      required: ['size'],
      additionalProperties: false,
      properties: { size: { type: 'integer', description: 'How big the widget is.' } },
    });
    const offline = await ok<KindSchema>('apply.schema', widget);
    expect(offline).toEqual({
      source: 'none',
      schema: null,
      note: 'no schema describes Widget (example.com/v1)',
    });
  });

  it('falls back to Swagger 2.0 (/openapi/v2) on a cluster without OpenAPI v3', async () => {
    const v2only: string[] = [];
    const area = createApplyArea({
      log: createLogger({ quiet: true }),
      cluster: () => ({ name: 'old', protected: false }),
      kubeConfigFor: () => admin,
      openapi: createOpenApiCache({
        get: (kc, p, ms) => {
          v2only.push(p);
          if (p.startsWith('/openapi/v3'))
            return Promise.reject(new KubeHttpError(404, 'NotFound', `${p}: HTTP 404`));
          return kubeRequest(kc, p, { timeoutMs: ms });
        },
      }),
    });
    const got = await area.handlers['apply.schema']({
      cluster: 'old',
      group: '',
      version: 'v1',
      kind: 'Pod',
    });
    expect(got.source).toBe('cluster');
    expect(v2only).toEqual(['/openapi/v3', '/openapi/v2']);
    const schema = got.schema as {
      properties: Record<string, { $ref?: string }>;
      definitions: Record<string, { required?: string[] }>;
    };
    expect(schema.properties.spec!.$ref).toBe('#/definitions/io.k8s.api.core.v1.PodSpec');
    expect(schema.definitions['io.k8s.api.core.v1.PodSpec']!.required).toContain('containers');
    expect(JSON.stringify(schema)).not.toContain('#/definitions/io.k8s.api.batch');
  });

  it('uses the bundled schema without a cluster, for a cluster not connected yet, and for one that does not answer', async () => {
    const offline = await ok<KindSchema>('apply.schema', deployment);
    expect(offline.source).toBe('bundled');
    expect(offline.note).toBeUndefined();
    expect(props(offline).kind!.enum).toEqual(['Deployment']);
    const fresh = await ok<KindSchema>('apply.schema', { cluster: 'new', ...deployment });
    expect(fresh).toMatchObject({ source: 'bundled', note: 'cluster new has not connected yet' });
    const down = await ok<KindSchema>('apply.schema', { cluster: 'down', ...deployment });
    expect(down.source).toBe('bundled');
    expect(down.note).toMatch(/^the cluster's OpenAPI could not be read: /);
  });

  it('refuses a query without a kind', async () => {
    const bad = await failure('apply.schema', { group: 'apps', version: 'v1', kind: '' });
    expect(bad.code).toBe('INVALID_ARGUMENT');
  });
});
