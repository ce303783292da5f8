import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResourceKind } from '../../kube/informer/resources';
import { applyObjectSchema } from '../../store/objects-schema';
import { createObjectStore, type ObjectStore } from '../../store/objects';
import { createBatchWriter } from './writer';

const pods: ResourceKind = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true };
const pod = (name: string, rv: string, phase = 'Running') => ({
  metadata: { name, namespace: 'ns', resourceVersion: rv, uid: name },
  status: { phase },
});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('batch writer', () => {
  let db: Database.Database;
  let store: ObjectStore;
  beforeEach(() => {
    db = new Database(':memory:');
    applyObjectSchema(db);
    store = createObjectStore(db);
  });
  afterEach(() => db.close());

  it('writes queued events in one batch after flushMs, the last event per object winning', async () => {
    const changed: Array<[string, string, number]> = [];
    const w = createBatchWriter({
      store,
      source: 'live',
      flushMs: 30,
      onChanged: (c, k, n) => changed.push([c, k, n]),
    });
    const sink = w.sinkFor('c1');
    sink.event(pods, 'upsert', pod('a', '1', 'Pending'), 1);
    sink.event(pods, 'upsert', pod('a', '2', 'Running'), 1);
    sink.event(pods, 'upsert', pod('b', '3'), 1);
    sink.event(pods, 'remove', pod('b', '4'), 1);
    sink.event(pods, 'remove', pod('c', '5'), 1);
    sink.event(pods, 'upsert', pod('c', '6', 'Succeeded'), 1);
    expect(store.count({})).toBe(0);
    expect(w.pending).toBe(3);
    await wait(80);
    expect(store.page({ sort: 'name' }).items.map((i) => `${i.name}:${i.status}`)).toEqual([
      'a:Running',
      'c:Succeeded',
    ]);
    expect(changed).toEqual([['c1', 'Pod', 3]]);
    w.close();
  });

  it('writes a list page after the queued events and sweeps what the list did not return', () => {
    const w = createBatchWriter({ store, source: 'live', flushMs: 10_000 });
    const sink = w.sinkFor('c1');
    sink.listPage(pods, [pod('old', '1'), pod('keep', '1')], 1);
    sink.listDone(pods, 1);
    sink.event(pods, 'upsert', pod('keep', '2', 'Failed'), 1);
    // a relist (generation 2) that sees only "keep", at version 3
    sink.listPage(pods, [pod('keep', '3', 'Running')], 2);
    sink.listDone(pods, 2);
    expect(store.page({}).items.map((i) => `${i.name}:${i.resourceVersion}:${i.status}`)).toEqual([
      'keep:3:Running',
    ]);
    w.close();
  });

  it('ignores events after close', () => {
    const w = createBatchWriter({ store, source: 'live', flushMs: 5 });
    w.close();
    w.sinkFor('c1').event(pods, 'upsert', pod('x', '1'), 1);
    expect(w.pending).toBe(0);
  });
});
