import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NamespaceQuery } from '../../../shared/contract/workspaces';
import type { ObjectSummary } from '../../../shared/objects/page';
import { createLogger } from '../log';
import { openDatabase, type Db } from '../../store/db';
import { createFleetStore } from '../../store/fleet';
import { createWorkspaceStore } from '../../store/workspaces';
import { createWorkspaces, type Workspaces } from './service';

/** Workspaces over a real database: CRUD, the one-workspace rule, attach/release, cascade on detach. */
describe('workspaces service', () => {
  let dir: string;
  let db: Db;
  let ws: Workspaces;
  const changed: string[][] = [];
  const namespace = (cluster: string, name: string) =>
    ({ cluster, name, labels: {} }) as unknown as ObjectSummary;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-ws-unit-'));
    db = openDatabase(path.join(dir, 'flotilla.db'));
    const fleet = createFleetStore(db);
    const cluster = (id: string) => ({
      id,
      name: `name-${id}`,
      description: '',
      groupId: 'default',
      type: 'attached' as const,
      context: id,
      server: `https://${id}`,
      userName: '',
      authKind: 'token',
      insecure: false,
      source: 'test',
      attachedAt: '2026-01-01T00:00:00Z',
      labels: {},
    });
    fleet.insertClusters([cluster('c1'), cluster('c2')]);
    ws = createWorkspaces({
      store: createWorkspaceStore(db),
      log: createLogger({ quiet: true }),
      clusters: () => fleet.clusters().map((c) => ({ id: c.id, name: c.name })),
      namespaces: () => [namespace('c1', 'shop'), namespace('c2', 'shop'), namespace('c2', 'blog')],
      kubeConfigFor: () => {
        throw new Error('not used');
      },
      changed: (ids) => changed.push(ids),
    });
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has a default workspace that cannot be renamed or deleted', () => {
    expect(ws.list().map((w) => w.name)).toEqual(['default']);
    expect(() => ws.update({ id: 'default', name: 'other' })).toThrow(/cannot be renamed/);
    expect(() => ws.delete('default', true)).toThrow(/cannot be deleted/);
  });

  it('checks workspace names with the cluster rule and refuses duplicates', () => {
    expect(() => ws.create({ name: 'Team_A', description: '', labels: {} })).toThrow(/uppercase/);
    expect(() => ws.create({ name: '-team', description: '', labels: {} })).toThrow(/start and end/);
    ws.create({ name: 'team-a', description: 'A', labels: { owner: 'a' } });
    expect(() => ws.create({ name: 'team-a', description: '', labels: {} })).toThrow(/exists already/);
    expect(() => ws.create({ name: 'team-b', description: '', labels: { 'bad key!': 'x' } })).toThrow(
      /Label key/,
    );
  });

  it('attach puts a namespace in exactly one workspace, moving it; the workspace page lists it across clusters', () => {
    const a = ws.create({ name: 'team-a', description: '', labels: {} });
    const b = ws.create({ name: 'team-b', description: '', labels: {} });
    ws.attach(a.id, [
      { cluster: 'c1', name: 'shop' },
      { cluster: 'c2', name: 'shop' },
    ]);
    expect(ws.get(a.id)).toMatchObject({ namespaces: 2, clusters: 2 });
    expect(ws.get(a.id).members.map((m) => `${m.clusterName}/${m.name}`)).toEqual([
      'name-c1/shop',
      'name-c2/shop',
    ]);
    ws.attach(b.id, [{ cluster: 'c2', name: 'shop' }]);
    expect(ws.get(a.id).members.map((m) => m.clusterName)).toEqual(['name-c1']);
    expect(ws.get(b.id).members.map((m) => m.clusterName)).toEqual(['name-c2']);
    const page = ws.namespaces(NamespaceQuery.parse({ managed: 'managed' }));
    expect(page.items.map((r) => r.workspaceName)).toEqual(['team-a', 'team-b']);
    expect(() => ws.attach(a.id, [{ cluster: 'nope', name: 'x' }])).toThrow(/No attached cluster/);
  });

  it('release makes namespaces unmanaged; delete needs an empty workspace or moves to default', () => {
    const a = ws.create({ name: 'team-a', description: '', labels: {} });
    ws.attach(a.id, [
      { cluster: 'c1', name: 'shop' },
      { cluster: 'c2', name: 'blog' },
    ]);
    expect(ws.release([{ cluster: 'c2', name: 'blog' }])).toEqual({ released: 1 });
    expect(() => ws.delete(a.id, false)).toThrow(/still has 1 namespace/);
    expect(ws.delete(a.id, true)).toEqual({ moved: 1 });
    expect(ws.get('default').members.map((m) => m.name)).toEqual(['shop']);
    expect(changed.length).toBeGreaterThan(0);
  });

  it("detaching a cluster drops its namespaces' membership", () => {
    ws.attach('default', [
      { cluster: 'c1', name: 'shop' },
      { cluster: 'c2', name: 'shop' },
    ]);
    db.prepare('DELETE FROM clusters WHERE id = ?').run('c1');
    expect(ws.get('default').members.map((m) => m.cluster)).toEqual(['c2']);
  });
});
