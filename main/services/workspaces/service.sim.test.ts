import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import { AppError } from '../../../shared/contract/result';
import { createLogger } from '../log';
import { openDatabase, type Db } from '../../store/db';
import { createFleetStore } from '../../store/fleet';
import { createWorkspaceStore } from '../../store/workspaces';
import { createWorkspaces, DESCRIPTION_ANNOTATION, type Workspaces } from './service';

/** Integration: "New namespace" against kube-sim over real HTTPS, as admin and as the read-only viewer. */
describe('namespaces.create against kube-sim', () => {
  let sim: SimHandle;
  let dir: string;
  let db: Db;
  let cluster: string;
  const load = (file: string, context: string) => {
    const kc = new KubeConfig();
    kc.loadFromFile(file);
    kc.setCurrentContext(context);
    return kc;
  };
  const service = (as: 'admin' | 'viewer'): Workspaces =>
    createWorkspaces({
      store: createWorkspaceStore(db),
      log: createLogger({ quiet: true }),
      clusters: () => [{ id: 'c1', name: cluster }],
      namespaces: () => [],
      kubeConfigFor: () => load(as === 'admin' ? sim.kubeconfigPath : sim.viewerKubeconfigPath, cluster),
      changed: () => undefined,
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-ws-'));
    sim = await startSim({ outDir: path.join(dir, 'sim'), clusters: 1, pods: 5, controllers: false });
    cluster = sim.clusters[0]!.name;
    db = openDatabase(path.join(dir, 'flotilla.db'));
    createFleetStore(db).insertClusters([
      {
        id: 'c1',
        name: cluster,
        description: '',
        groupId: 'default',
        type: 'attached',
        context: cluster,
        server: sim.clusters[0]!.server,
        userName: `${cluster}-admin`,
        authKind: 'token',
        insecure: false,
        source: 'test',
        attachedAt: new Date().toISOString(),
        labels: {},
      },
    ]);
  }, 60_000);

  afterAll(async () => {
    db?.close();
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates the namespace on the cluster with its labels and description, and records its workspace', async () => {
    const ws = service('admin');
    const team = ws.create({ name: 'team-a', description: 'Team A', labels: {} });
    const row = await ws.createNamespace({
      clusterId: 'c1',
      workspaceId: team.id,
      name: 'team-a-dev',
      description: 'Development',
      labels: { owner: 'team-a', env: 'dev' },
    });
    expect(row).toMatchObject({
      name: 'team-a-dev',
      managed: true,
      workspaceName: 'team-a',
      clusterName: cluster,
    });

    const live = await load(sim.kubeconfigPath, cluster)
      .makeApiClient(CoreV1Api)
      .readNamespace({ name: 'team-a-dev' });
    expect(live.metadata?.labels).toMatchObject({ owner: 'team-a', env: 'dev' });
    expect(live.metadata?.annotations?.[DESCRIPTION_ANNOTATION]).toBe('Development');
    expect(ws.get(team.id).members.map((m) => m.name)).toEqual(['team-a-dev']);
    expect(ws.list().find((w) => w.id === team.id)).toMatchObject({ namespaces: 1, clusters: 1 });
  });

  it('a namespace that exists already is a plain 409 message pointing at Attach namespaces', async () => {
    const err = await service('admin')
      .createNamespace({
        clusterId: 'c1',
        workspaceId: 'default',
        name: 'team-a-dev',
        description: '',
        labels: {},
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFLICT');
    expect((err as AppError).message).toMatch(/exists already on cluster .*Attach namespaces/);
  });

  it('the read-only user gets a clear 403 message and nothing is recorded', async () => {
    const ws = service('viewer');
    const err = await ws
      .createNamespace({
        clusterId: 'c1',
        workspaceId: 'default',
        name: 'viewer-try',
        description: '',
        labels: {},
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PERMISSION_DENIED');
    expect((err as AppError).message).toMatch(
      new RegExp(`Cluster ${cluster} refused to create namespace "viewer-try" \\(403 Forbidden\\)`),
    );
    expect((err as AppError).message).toMatch(/The cluster said: .*cannot create/);
    expect(ws.get('default').members).toEqual([]);
    const list = await load(sim.kubeconfigPath, cluster).makeApiClient(CoreV1Api).listNamespace();
    expect(list.items.map((n) => n.metadata?.name)).not.toContain('viewer-try');
  });

  it('refuses an invalid name before calling the cluster', async () => {
    const err = await service('admin')
      .createNamespace({
        clusterId: 'c1',
        workspaceId: 'default',
        name: 'Bad_Name',
        description: '',
        labels: {},
      })
      .catch((e: unknown) => e);
    expect((err as AppError).code).toBe('INVALID_ARGUMENT');
    expect((err as AppError).message).toMatch(/uppercase/);
  });

  it("a cluster that never answers is named within the call deadline, below the renderer's 15 s", async () => {
    await sim.admin.setFaults(cluster, { unreachable: 'silent' });
    try {
      const err = await service('admin')
        .createNamespace({
          clusterId: 'c1',
          workspaceId: 'default',
          name: 'silent-try',
          description: '',
          labels: {},
        })
        .catch((e: unknown) => e);
      expect((err as AppError).code).toBe('UNAVAILABLE');
      expect((err as AppError).message).toBe(
        `Cluster ${cluster} could not be reached to create namespace "silent-try": ${cluster} did not answer within 10 s (POST namespace silent-try)`,
      );
    } finally {
      await sim.admin.reset(cluster);
    }
  }, 30_000);
});
