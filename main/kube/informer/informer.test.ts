import { afterEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../shared/objects/types';
import { createInformer, type Informer, type InformerSink } from './informer';
import type { ResourceKind } from './resources';
import { KubeHttpError, type ListPage, type Transport, type WatchEvent } from './transport';

/**
 * The reflector loop against a scripted API: each list or watch call takes the next step of a
 * script, so the edge cases kube-sim cannot easily produce (an expired continue token, a kind
 * that is not served, a Status event other than 410) are exercised exactly.
 */

type ListStep = ListPage | KubeHttpError;
/**
 * A watch: its events, then an error (after the stream opened), or `refuse` (it never opens), or `hang` (open until
 * stopped), or `silent` (never answered: it fails at the open deadline the caller gave, as the real transport does).
 */
type WatchStep = {
  events: WatchEvent[];
  end?: KubeHttpError | Error;
  refuse?: Error;
  hang?: boolean;
  silent?: boolean;
};

function scripted(lists: ListStep[], watches: WatchStep[]) {
  const calls: Array<{ verb: 'list' | 'watch'; params: Record<string, string> }> = [];
  const transport: Transport = {
    async list(_path, params) {
      calls.push({ verb: 'list', params });
      const step = lists.shift();
      if (!step) return new Promise(() => {});
      if (step instanceof Error) throw step;
      return step;
    },
    async watch(_path, params, onEvent, options) {
      calls.push({ verb: 'watch', params });
      const step = watches.shift();
      if (step?.refuse) throw step.refuse;
      if (step?.silent) {
        const ms = options?.openTimeoutMs;
        return new Promise((_resolve, reject) => {
          if (ms) setTimeout(() => reject(new KubeHttpError(0, 'Timeout', `no answer within ${ms} ms`)), ms);
        });
      }
      options?.onOpen?.();
      if (!step || step.hang) {
        return new Promise((resolve) => options?.signal?.addEventListener('abort', () => resolve()));
      }
      for (const e of step.events) onEvent(e);
      if (step.end) throw step.end;
    },
    close() {},
  };
  return { transport, calls };
}

const pods: ResourceKind = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true };
const obj = (name: string, rv: string): KubeObject => ({
  metadata: { name, namespace: 'ns', resourceVersion: rv },
});

function recordingSink() {
  const log: string[] = [];
  const sink: InformerSink = {
    listPage: (_r, objects, gen) =>
      log.push(`page(${gen}):${[...objects].map((o) => o.metadata?.name).join(',')}`),
    listDone: (_r, gen) => log.push(`done(${gen})`),
    event: (_r, type, object) => log.push(`${type}:${object.metadata?.name}`),
  };
  return { sink, log };
}

const until = async (what: string, fn: () => boolean) => {
  const started = Date.now();
  while (!fn()) {
    if (Date.now() - started > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('informer', () => {
  let informer: Informer | undefined;
  afterEach(async () => {
    await informer?.stop();
    informer = undefined;
  });
  let gen = 0;
  const base = { resource: pods, nextGen: () => ++gen, backoff: { baseMs: 5, maxMs: 20 }, pageSize: 2 };

  it('lists page by page, then watches from the list version with bookmarks', async () => {
    const { transport, calls } = scripted(
      [
        { items: [obj('a', '1'), obj('b', '2')], resourceVersion: '10', continue: 'tok' },
        { items: [obj('c', '3')], resourceVersion: '10' },
      ],
      [
        {
          events: [
            { type: 'ADDED', object: obj('d', '11') },
            { type: 'BOOKMARK', object: { metadata: { resourceVersion: '15' } } },
            { type: 'DELETED', object: obj('a', '16') },
          ],
        },
        { events: [], hang: true },
      ],
    );
    const { sink, log } = recordingSink();
    informer = createInformer({ ...base, transport, sink });
    informer.start();
    await until('the second watch', () => calls.filter((c) => c.verb === 'watch').length === 2);
    const g = Number(log[0].match(/page\((\d+)\)/)?.[1]);
    expect(log).toEqual([`page(${g}):a,b`, `page(${g}):c`, `done(${g})`, 'upsert:d', 'remove:a']);
    expect(calls[0].params).toEqual({ limit: '2' });
    expect(calls[1].params).toEqual({ limit: '2', continue: 'tok' });
    expect(calls[2].params).toMatchObject({ resourceVersion: '10', allowWatchBookmarks: 'true' });
    // the server ended the first watch: the next one resumes from the last version seen (a bookmark's or an event's)
    expect(calls[3].params.resourceVersion).toBe('16');
    expect(informer.status()).toMatchObject({ state: 'synced', lists: 1, errors: 0 });
  });

  it('relists when the watch says 410 Gone', async () => {
    const { transport, calls } = scripted(
      [
        { items: [obj('a', '1')], resourceVersion: '5' },
        { items: [obj('b', '2')], resourceVersion: '50' },
      ],
      [
        {
          events: [
            {
              type: 'ERROR',
              object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old' } as KubeObject,
            },
          ],
        },
        { events: [], hang: true },
      ],
    );
    const { sink, log } = recordingSink();
    informer = createInformer({ ...base, transport, sink });
    informer.start();
    await until('the watch after the relist', () => calls.filter((c) => c.verb === 'watch').length === 2);
    expect(calls.map((c) => c.verb)).toEqual(['list', 'watch', 'list', 'watch']);
    expect(calls[3].params.resourceVersion).toBe('50');
    expect(log.filter((l) => l.startsWith('done'))).toHaveLength(2);
    expect(informer.status().lists).toBe(2);
  });

  it('starts the list again when its continue token expired', async () => {
    const { transport, calls } = scripted(
      [
        { items: [obj('a', '1')], resourceVersion: '5', continue: 'old' },
        new KubeHttpError(410, 'Expired', 'The provided continue parameter is too old'),
        { items: [obj('a', '1'), obj('b', '2')], resourceVersion: '9' },
      ],
      [{ events: [], hang: true }],
    );
    const { sink } = recordingSink();
    informer = createInformer({ ...base, transport, sink });
    informer.start();
    await until('the watch', () => calls.some((c) => c.verb === 'watch'));
    expect(calls.map((c) => c.params.continue ?? '-')).toEqual(['-', 'old', '-', '-']);
    expect(calls[3].params.resourceVersion).toBe('9');
  });

  it('backs off after errors, reports them, and recovers', async () => {
    const { transport, calls } = scripted(
      [
        new KubeHttpError(500, 'InternalError', 'GET /api/v1/pods: injected fault (HTTP 500)'),
        new KubeHttpError(429, 'TooManyRequests', 'GET /api/v1/pods: slow down (HTTP 429)'),
        { items: [], resourceVersion: '1' },
      ],
      [
        { events: [], end: new Error('socket hang up') },
        { events: [], refuse: new Error('connect ECONNREFUSED') },
        { events: [], refuse: new Error('connect ECONNREFUSED again') },
        { events: [], hang: true },
      ],
    );
    const states: string[] = [];
    const { sink } = recordingSink();
    informer = createInformer({
      ...base,
      transport,
      sink,
      onStatus: (s) => states.push(`${s.state}${s.message ? `:${s.message}` : ''}`),
    });
    informer.start();
    await until('the fourth watch', () => calls.filter((c) => c.verb === 'watch').length === 4);
    expect(states).toEqual([
      'syncing',
      'error:GET /api/v1/pods: injected fault (HTTP 500)',
      'error:GET /api/v1/pods: slow down (HTTP 429)',
      'synced',
      // a watch dropped after it opened resumes at once; the failures after it are reported
      'error:connect ECONNREFUSED',
      'error:connect ECONNREFUSED again',
      'synced',
    ]);
    expect(informer.status()).toMatchObject({ state: 'synced', retries: 0, errors: 5 });
  });

  it('a cluster that stops answering: watches fail at their open deadline and the kind shows the error', async () => {
    const { transport, calls } = scripted(
      [
        { items: [obj('a', '1')], resourceVersion: '5' },
        { items: [obj('a', '1')], resourceVersion: '9' },
      ],
      [
        { events: [], end: new Error('the watch connection was cut') },
        { events: [], silent: true },
        { events: [], silent: true },
        { events: [], hang: true },
      ],
    );
    const { sink } = recordingSink();
    const states: string[] = [];
    informer = createInformer({
      ...base,
      transport,
      sink,
      watchOpenTimeoutMs: 10,
      onStatus: (s) => states.push(`${s.state}${s.message ? `: ${s.message}` : ''}`),
    });
    informer.start();
    await until('the fourth watch', () => calls.filter((c) => c.verb === 'watch').length === 4);
    expect(states).toContain('error: no answer within 10 ms');
    // the cluster answers again: the kind is synced once more
    expect(informer.status().state).toBe('synced');
  });

  it('marks a kind the cluster does not serve as unavailable, without spinning', async () => {
    const { transport, calls } = scripted(
      [new KubeHttpError(404, 'NotFound', 'the server could not find the requested resource')],
      [],
    );
    const { sink } = recordingSink();
    informer = createInformer({ ...base, transport, sink, unavailableRetryMs: 60_000 });
    informer.start();
    await until('unavailable', () => informer!.status().state === 'unavailable');
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toHaveLength(1);
    expect(informer.status().message).toMatch(/Pod \(core\/v1\) is not served/);
    const stopping = informer.stop();
    await stopping;
    expect(informer.status().state).toBe('stopped');
  });

  it('stops promptly in the middle of a watch', async () => {
    const { transport } = scripted([{ items: [], resourceVersion: '1' }], [{ events: [], hang: true }]);
    const { sink } = recordingSink();
    informer = createInformer({ ...base, transport, sink });
    informer.start();
    await until('synced', () => informer!.status().state === 'synced');
    const started = Date.now();
    await informer.stop();
    expect(Date.now() - started).toBeLessThan(500);
  });
});
