import { randomUUID } from 'node:crypto';
import type { CaptureProgress } from '../../../shared/contract/sources';
import type { Logger } from '../log';
import { CaptureCancelled, captureSnapshot, type CaptureOptions } from './capture';

/** Running captures: each has a task id, reports progress, and can be cancelled. */
export interface CaptureTasks {
  start(options: Omit<CaptureOptions, 'taskId' | 'signal' | 'onProgress'>): string;
  cancel(taskId: string): boolean;
  /** Resolves when a task ends (tests, shutdown). */
  settled(taskId: string): Promise<void>;
  cancelAll(): Promise<void>;
}

export function createCaptureTasks(o: { log: Logger; progress(p: CaptureProgress): void }): CaptureTasks {
  const running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  return {
    start(options) {
      const taskId = randomUUID();
      const abort = new AbortController();
      const done = captureSnapshot({ ...options, taskId, signal: abort.signal, onProgress: o.progress })
        .then((meta) => o.log.info(`captured ${meta.objects} objects of ${options.scope} to ${options.file}`))
        .catch((error: unknown) => {
          if (!(error instanceof CaptureCancelled)) o.log.warn(`capture of ${options.scope} failed`, error);
        })
        .finally(() => running.delete(taskId));
      running.set(taskId, { abort, done });
      return taskId;
    },
    cancel(taskId) {
      const task = running.get(taskId);
      task?.abort.abort();
      return task !== undefined;
    },
    settled: async (taskId) => running.get(taskId)?.done,
    async cancelAll() {
      const tasks = [...running.values()];
      for (const t of tasks) t.abort.abort();
      await Promise.all(tasks.map((t) => t.done));
    },
  };
}
