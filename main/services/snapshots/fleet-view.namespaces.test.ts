import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceView } from '../../../shared/contract/sources';
import { NamespaceQuery } from '../../../shared/contract/workspaces';
import type { KubeObject } from '../../../shared/objects/types';
import { openDatabase, type Db } from '../../store/db';
import { createObjectStore, type ObjectStore } from '../../store/objects';
import { sourceNamespaces } from './fleet-view';

// Imported manifests in the real object cache: most carry a namespace but no Namespace object.
let dir: string;
let db: Db;
let store: ObjectStore;

const view: SourceView = {
  id: 'manifests:abc',
  kind: 'manifests',
  label: 'boutique',
  clusters: [{ name: 'boutique', group: '', provider: 'unknown', version: '', nodes: 0, objects: 3 }],
  kinds: ['ConfigMap', 'Namespace'],
  objects: 3,
  includes: { secretValues: false, events: false, metrics: false, logs: false },
  readOnly: true,
};

const obj = (kind: string, name: string, namespace?: string): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: {
    name,
    ...(namespace ? { namespace } : {}),
    ...(kind === 'Namespace' ? { labels: { team: 'ops' } } : {}),
  },
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-nsview-'));
  db = openDatabase(path.join(dir, 'flotilla.db'));
  store = createObjectStore(db);
  store.upsert(
    [
      obj('Namespace', 'monitoring'),
      obj('ConfigMap', 'a', 'shop'),
      obj('ConfigMap', 'b', 'shop'),
      obj('ConfigMap', 'c', 'monitoring'),
    ].map((object) => ({
      source: view.id,
      cluster: 'boutique',
      group: '',
      version: 'v1',
      kind: object.kind!,
      object,
    })),
  );
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('namespaces of a source that is not live', () => {
  it('lists the namespaces objects live in even without a Namespace object, once each', () => {
    const page = sourceNamespaces(view, store, NamespaceQuery.parse({ source: view.id }));
    expect(page.items.map((r) => `${r.cluster}/${r.name}`)).toEqual(['boutique/monitoring', 'boutique/shop']);
    expect(page.items.find((r) => r.name === 'monitoring')?.labels).toEqual({ team: 'ops' });
  });
});
