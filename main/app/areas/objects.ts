import type { z } from 'zod';
import { AppError } from '../../../shared/contract/result';
import type { objectCalls, objectEvents } from '../../../shared/contract/objects';
import { SelectorError } from '../../../shared/objects/selector';
import {
  createObjectService,
  type ObjectService,
  type ObjectServiceOptions,
} from '../../services/objects/service';
import type { Logger } from '../../services/log';
import type { Db } from '../../store/db';
import { QueryError } from '../../store/object-query';

/**
 * The objects area: the live object cache and its contract handlers (objects.query, objects.get,
 * objects.count, search.query, objects.status, objects.customKinds, objects.watchKind,
 * objects.resync). The fleet area starts and stops
 * clusters on `service` as connections come and go:
 *
 *   const objects = createObjectsArea({ db, log: log.child('objects'), emit: (n, p) => events.emit(n, p) });
 *   // when a cluster connects:   objects.service.start(clusterId, kubeConfig)
 *   // when it is detached:       await objects.service.stop(clusterId, { purge: true })
 */

type ObjectCalls = typeof objectCalls;
export type ObjectHandlers = {
  [N in keyof ObjectCalls]: (
    input: z.output<ObjectCalls[N]['input']>,
  ) => Promise<z.output<ObjectCalls[N]['output']>> | z.output<ObjectCalls[N]['output']>;
};
type ObjectEvents = typeof objectEvents;

export interface ObjectsAreaContext {
  db: Db;
  log: Logger;
  /** Publishes objects.changed and objects.status (the app's EventBus.emit once merged). */
  emit<N extends keyof ObjectEvents>(name: N, payload: z.output<ObjectEvents[N]>): void;
  /** Tuning for tests and benchmarks. */
  tuning?: Partial<Omit<ObjectServiceOptions, 'db' | 'log' | 'onChanged' | 'onStatus'>>;
}

export interface ObjectsArea {
  handlers: ObjectHandlers;
  service: ObjectService;
  close(): Promise<void>;
}

/** Turns a bad selector, cursor or sort into INVALID_ARGUMENT with its message. */
function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof QueryError || error instanceof SelectorError) {
      throw new AppError('INVALID_ARGUMENT', error.message);
    }
    throw error;
  }
}

export function createObjectsArea(ctx: ObjectsAreaContext): ObjectsArea {
  const service = createObjectService({
    ...ctx.tuning,
    db: ctx.db,
    log: ctx.log,
    onChanged: (notice) => ctx.emit('objects.changed', notice),
    onStatus: (status) => ctx.emit('objects.status', status),
  });
  const handlers: ObjectHandlers = {
    'objects.query': (q) => guard(() => service.store.page(q)),
    'objects.get': (ref) => {
      const found = service.store.get(ref);
      if (!found) {
        const where = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
        throw new AppError('NOT_FOUND', `${ref.kind} ${where} is not in ${ref.cluster} (${ref.source})`);
      }
      return found;
    },
    'objects.count': ({ by, ...query }) => guard(() => service.store.countBy(query, by)),
    'search.query': (q) => guard(() => service.store.search(q)),
    'objects.status': ({ cluster }) => service.status(cluster),
    'objects.customKinds': ({ cluster }) => service.customKinds(cluster),
    'objects.watchKind': ({ cluster, kind }) => {
      if (service.status(cluster)[0]?.state === 'stopped') {
        throw new AppError(
          'UNAVAILABLE',
          `cluster ${cluster} is not connected: its objects are not being cached`,
        );
      }
      service.watchKind(cluster, kind);
      return { ok: true };
    },
    'objects.resync': ({ cluster }) => {
      service.retry(cluster);
      return { ok: service.status(cluster)[0]?.state !== 'stopped' };
    },
  };
  return { handlers, service, close: () => service.close() };
}
