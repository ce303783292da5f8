import Database from 'better-sqlite3';
import type { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { objectCalls } from '../../../shared/contract/objects';
import { AppError } from '../../../shared/contract/result';
import { createLogger } from '../../services/log';
import { applyObjectSchema } from '../../store/objects-schema';
import { createObjectsArea, type ObjectsArea } from './objects';

describe('objects area handlers', () => {
  let db: Database.Database;
  let area: ObjectsArea;
  beforeEach(() => {
    db = new Database(':memory:');
    applyObjectSchema(db);
    area = createObjectsArea({ db, log: createLogger({ quiet: true }), emit: () => {} });
    area.service.store.upsert([
      {
        source: 'live',
        cluster: 'c1',
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
        object: {
          metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
          spec: { replicas: 3 },
        },
      },
    ]);
  });
  afterEach(async () => {
    await area.close();
    db.close();
  });

  const call = async <N extends keyof typeof objectCalls>(
    name: N,
    input: unknown,
  ): Promise<z.output<(typeof objectCalls)[N]['output']>> => {
    const parsed = objectCalls[name].input.parse(input);
    const handler = area.handlers[name] as (i: unknown) => unknown;
    const out = await handler(parsed);
    return objectCalls[name].output.parse(out) as z.output<(typeof objectCalls)[N]['output']>;
  };

  it('answers a page query within the contract, defaulting to the live source', async () => {
    const page = await call('objects.query', { kinds: ['Deployment'], labelSelector: 'app in (web)' });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ name: 'web', status: 'Progressing', desired: 3, ready: 0 });
  });

  it('gets an object, and NOT_FOUND names what is missing', async () => {
    const got = await call('objects.get', {
      cluster: 'c1',
      group: 'apps',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
    });
    expect(got.object).toMatchObject({ spec: { replicas: 3 } });
    await expect(
      call('objects.get', {
        cluster: 'c1',
        group: 'apps',
        kind: 'Deployment',
        namespace: 'shop',
        name: 'nope',
      }),
    ).rejects.toThrow(/Deployment shop\/nope is not in c1 \(live\)/);
  });

  it('turns a bad selector or cursor into INVALID_ARGUMENT', async () => {
    const bad = call('objects.query', { labelSelector: 'app notin' });
    await expect(bad).rejects.toBeInstanceOf(AppError);
    await expect(bad).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(call('objects.query', { after: '!!' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('searches and counts', async () => {
    const found = await call('search.query', { text: 'web' });
    expect(found.items.map((i) => i.name)).toEqual(['web']);
    expect(await call('objects.count', { by: 'kind' })).toEqual({ Deployment: 1 });
    expect(await call('objects.status', {})).toEqual([]);
  });
});
