import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db';
import { createFleetStore, type ClusterRecord } from './fleet';

let db: Db | undefined;
afterEach(() => db?.close());

function open() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-store-'));
  db = openDatabase(path.join(dir, 'flotilla.db'));
  return createFleetStore(db);
}

const record = (id: string, name: string, labels: Record<string, string> = {}): ClusterRecord => ({
  id,
  name,
  description: '',
  groupId: 'default',
  type: 'attached',
  context: name,
  server: 'https://127.0.0.1:6443',
  userName: 'admin',
  authKind: 'token',
  insecure: false,
  source: '/tmp/kubeconfig',
  attachedAt: '2026-01-01T00:00:00.000Z',
  labels,
});

describe('fleet store', () => {
  it('starts with the default group', () => {
    const store = open();
    expect(store.groups().map((g) => g.name)).toEqual(['default']);
  });

  it('keeps clusters with labels, moves them and deletes groups', () => {
    const store = open();
    store.insertGroup({
      id: 'g1',
      name: 'team-a',
      description: 'A',
      labels: { owner: 'a' },
      createdAt: 'now',
    });
    store.insertClusters([record('c1', 'one', { env: 'prod' }), record('c2', 'two')]);
    expect(store.cluster('c1')?.labels).toEqual({ env: 'prod' });
    expect(store.moveClusters(['c1', 'c2'], 'g1')).toBe(2);
    expect(() => store.deleteGroup('g1', false)).toThrow(/FOREIGN KEY/);
    expect(store.deleteGroup('g1', true)).toBe(2);
    expect(store.clusters().map((c) => c.groupId)).toEqual(['default', 'default']);
  });

  it('refuses duplicate names and leaves nothing half-written', () => {
    const store = open();
    store.insertClusters([record('c1', 'one')]);
    expect(() => store.insertClusters([record('c2', 'two'), record('c3', 'one')])).toThrow(/UNIQUE/);
    expect(store.clusters().map((c) => c.id)).toEqual(['c1']);
  });

  it('records exec approvals by fingerprint', () => {
    const store = open();
    store.approve('abc', 'aws eks get-token', 'now');
    store.approve('abc', 'aws eks get-token', 'later');
    expect([...store.approvals()]).toEqual(['abc']);
  });
});
