/** The watch verb: a chunked stream of JSON events from a resourceVersion, with bookmarks, 410 and timeouts. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StoreGoneError, type KObject, type ResourceType, type StoreEvent } from '../store/api';
import { matchFields, matchLabels, parseFieldSelector, parseLabelSelector } from '../store/selectors';
import { apiVersionOf } from './admission';
import { statusObject } from './errors';
import type { RequestInfo } from './runtime';
import { includeOf } from './resources';
import { columnsFor, toTable } from './table';

export interface WatchHandle {
  close(): void;
  /** Ends the watch with a 410 Gone ERROR event, as after an etcd compaction. */
  expire(): void;
}

const BOOKMARK_MS = 5_000;
const DEFAULT_TIMEOUT_S = 1800;

export function startWatch(
  info: RequestInfo,
  type: ResourceType,
  req: IncomingMessage,
  res: ServerResponse,
  table: boolean,
): void {
  const { store } = info.rt;
  const q = info.query;
  const labels = parseLabelSelector(q.get('labelSelector') ?? undefined);
  const fields = parseFieldSelector(q.get('fieldSelector') ?? undefined);
  const bookmarks = q.get('allowWatchBookmarks') === 'true';
  const timeoutS = Number(q.get('timeoutSeconds') ?? DEFAULT_TIMEOUT_S) || DEFAULT_TIMEOUT_S;
  const rvParam = q.get('resourceVersion') ?? '';
  const sendInitial = q.get('sendInitialEvents') === 'true';
  const columns = table ? columnsFor(store, info.gvr, type) : [];
  let firstTable = true;

  const matches = (o: KObject): boolean =>
    (info.namespace === undefined || !type.namespaced || o.metadata.namespace === info.namespace) &&
    (labels.length === 0 || matchLabels(labels, o.metadata.labels)) &&
    (fields.length === 0 || matchFields(fields, o)) &&
    (info.name === undefined || o.metadata.name === info.name);

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();
  let closed = false;
  const write = (type: string, object: unknown): void => {
    if (closed) return;
    res.write(JSON.stringify({ type, object }) + '\n');
  };
  const send = (type: string, stored: KObject): void => {
    const o = info.convert ? info.convert.out(stored) : stored;
    if (!table) return write(type, o);
    write(
      type,
      toTable(columns, [o], includeOf(q), { resourceVersion: o.metadata.resourceVersion }, firstTable),
    );
    firstTable = false;
  };
  let lastRv = store.currentResourceVersion();
  const bookmark = (initialEnd = false): void => {
    const md: Record<string, unknown> = { resourceVersion: String(lastRv) };
    if (initialEnd) md.annotations = { 'k8s.io/initial-events-end': 'true' };
    write('BOOKMARK', { kind: type.kind, apiVersion: apiVersionOf(type), metadata: md });
  };

  const timers: NodeJS.Timeout[] = [];
  const handle: WatchHandle = {
    close: () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      timers.forEach((t) => clearTimeout(t));
      info.rt.watches.delete(handle);
      res.end();
    },
    expire: () => {
      write(
        'ERROR',
        statusObject(
          410,
          `too old resource version: ${rvParam || lastRv} (${store.currentResourceVersion()})`,
          'Expired',
        ),
      );
      handle.close();
    },
  };
  // With a selector, an object that stops matching is DELETED for this watch and one that starts
  // matching is ADDED. After a resume, an object's earlier membership is unknown until its first event.
  const selective = labels.length > 0 || fields.length > 0;
  const members = new Set<string>();
  const known = new Set<string>();
  let knowAll = true;
  const deliver = (kind: StoreEvent['type'], object: KObject): void => {
    const now = matches(object);
    if (!selective) {
      if (now) send(kind, object);
      return;
    }
    const uid = object.metadata.uid ?? '';
    const isKnown = knowAll || known.has(uid);
    const was = members.has(uid) || (!isKnown && kind !== 'ADDED' && now);
    known.add(uid);
    if (kind === 'DELETED') {
      if (was || (!isKnown && now)) send('DELETED', object);
      members.delete(uid);
    } else if (now) {
      send(was ? 'MODIFIED' : 'ADDED', object);
      members.add(uid);
    } else if (was) {
      send('DELETED', object);
      members.delete(uid);
    }
  };
  const onEvent = (e: StoreEvent): void => {
    if (e.gvr !== info.gvr) return;
    lastRv = e.resourceVersion;
    deliver(e.type, e.object);
  };
  const unsubscribe = store.subscribe(onEvent);
  info.rt.watches.add(handle);
  req.on('close', () => handle.close());
  res.on('error', () => handle.close());

  if (rvParam === '' || rvParam === '0' || sendInitial) {
    for (const { object } of store.scan(info.gvr, {
      namespace: type.namespaced ? info.namespace : undefined,
    }))
      deliver('ADDED', object);
    if (sendInitial && bookmarks) bookmark(true);
  } else {
    const from = Number(rvParam);
    if (!Number.isFinite(from)) {
      write('ERROR', statusObject(400, `invalid resource version: "${rvParam}"`, 'BadRequest'));
      return handle.close();
    }
    try {
      const events = store.eventsSince(from, info.gvr);
      knowAll = false;
      for (const e of events) deliver(e.type, e.object);
    } catch (err) {
      if (err instanceof StoreGoneError) {
        write(
          'ERROR',
          statusObject(
            410,
            `too old resource version: ${from} (${store.currentResourceVersion()})`,
            'Expired',
          ),
        );
        return handle.close();
      }
      throw err;
    }
  }
  if (bookmarks) {
    const tick = (): void => {
      bookmark();
      timers[0] = setTimeout(tick, BOOKMARK_MS);
    };
    timers[0] = setTimeout(tick, BOOKMARK_MS);
  }
  timers.push(setTimeout(() => handle.close(), timeoutS * 1000));
  const drop = info.rt.faults.dropWatchesAfterMs;
  if (drop > 0)
    timers.push(
      setTimeout(() => {
        closed = true;
        unsubscribe();
        timers.forEach((t) => clearTimeout(t));
        info.rt.watches.delete(handle);
        res.destroy();
      }, drop),
    );
}
