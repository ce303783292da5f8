import { Writable } from 'node:stream';
import { ApiException, Log, type KubeConfig, type LogOptions } from '@kubernetes/client-node';
import { splitChunk } from '../../shared/workloads/log-search';
import { CALL_DEADLINE_MS, ClusterDeadlineError, clusterLabel, withDeadline } from './deadline';

/**
 * Pod logs through @kubernetes/client-node's Log (GET …/pods/<name>/log): a one-off read (tail,
 * since, previous) and a follow that hands whole lines to a callback in batches until stopped.
 */

export interface PodLogTarget {
  namespace: string;
  pod: string;
  container: string;
}

export interface PodLogOptions {
  tailLines?: number;
  sinceSeconds?: number;
  previous?: boolean;
  timestamps?: boolean;
}

/** A log read or follow that failed, with a sentence naming the pod and container. */
export class PodLogError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'PodLogError';
  }
}

const READ_LIMIT = 4 * 1024 * 1024;

function describe(error: unknown, t: PodLogTarget, previous: boolean): PodLogError {
  const what = `container ${t.container} of pod ${t.namespace}/${t.pod}`;
  if (error instanceof PodLogError) return error;
  if (error instanceof ClusterDeadlineError) return new PodLogError(0, error.message);
  if (error instanceof ApiException) {
    const code = Number(error.code);
    const why =
      code === 400
        ? previous
          ? `${what} has no previous run`
          : `${what} is not running yet (or the container name is wrong)`
        : code === 401 || code === 403
          ? `you may not read the logs of ${what} (HTTP ${code})`
          : code === 404
            ? `pod ${t.namespace}/${t.pod} does not exist (any more)`
            : `the API server answered HTTP ${code} for the logs of ${what}`;
    return new PodLogError(code, why);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PodLogError(0, `cannot read the logs of ${what}: ${message}`);
}

const toOptions = (o: PodLogOptions, follow: boolean, limitBytes?: number): LogOptions => ({
  follow,
  tailLines: o.tailLines,
  sinceSeconds: o.sinceSeconds,
  previous: o.previous || undefined,
  timestamps: o.timestamps || undefined,
  limitBytes,
});

/** Where the log is read from and how long the read (or a follow's start) may take. */
export interface LogDeadline {
  /** The cluster's name in messages (default: its KubeConfig's name). */
  cluster?: string;
  /** Default 10 s: below the renderer's own 15 s, so a silent cluster is named, never Flotilla. */
  timeoutMs?: number;
}

const what = (t: PodLogTarget) => `GET pod logs of ${t.namespace}/${t.pod}`;

/** Reads the log once (up to 4 MiB) and returns its lines. */
export async function readPodLog(
  kc: KubeConfig,
  t: PodLogTarget,
  o: PodLogOptions = {},
  { cluster = clusterLabel(kc), timeoutMs = CALL_DEADLINE_MS }: LogDeadline = {},
): Promise<{ lines: string[]; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let opening: Promise<AbortController> | undefined;
  const done = new Promise<void>((resolve, reject) => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        chunks.push(chunk);
        size += chunk.length;
        cb();
      },
    });
    sink.on('finish', () => resolve());
    sink.on('error', reject);
    opening = new Log(kc).log(t.namespace, t.pod, t.container, sink, toOptions(o, false, READ_LIMIT));
    opening.catch((error: unknown) => reject(describe(error, t, o.previous ?? false)));
  });
  await withDeadline(cluster, timeoutMs, what(t), () => done).catch((error: unknown) => {
    // a read that answers after the deadline is closed at once
    opening?.then(
      (late) => late.abort(),
      () => undefined,
    );
    throw describe(error, t, o.previous ?? false);
  });
  const text = Buffer.concat(chunks).toString('utf8');
  const { lines, carry } = splitChunk('', text);
  if (carry) lines.push(carry);
  return { lines, truncated: size >= READ_LIMIT };
}

export interface FollowHandlers {
  /** Whole lines, batched every `batchMs`. */
  onLines(lines: string[]): void;
  /** Called once: 'stopped' after stop(), 'ended' when the server closed the stream. */
  onEnd(reason: 'stopped' | 'ended' | 'error', message?: string): void;
}

export interface LogFollow {
  stop(): void;
}

/** Opens a followed log; resolves once the API server accepted it (rejects with PodLogError). */
export async function followPodLog(
  kc: KubeConfig,
  t: PodLogTarget,
  o: PodLogOptions,
  handlers: FollowHandlers,
  {
    batchMs = 150,
    cluster = clusterLabel(kc),
    timeoutMs = CALL_DEADLINE_MS,
  }: LogDeadline & { batchMs?: number } = {},
): Promise<LogFollow> {
  let carry = '';
  let pending: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  let abort: AbortController | undefined;

  const flush = () => {
    timer = undefined;
    if (pending.length === 0) return;
    const lines = pending;
    pending = [];
    handlers.onLines(lines);
  };
  const end = (reason: 'stopped' | 'ended' | 'error', message?: string) => {
    if (ended) return;
    ended = true;
    if (timer) clearTimeout(timer);
    if (carry) pending.push(carry);
    carry = '';
    flush();
    handlers.onEnd(reason, message);
  };
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (!ended) {
        const split = splitChunk(carry, chunk.toString('utf8'));
        carry = split.carry;
        pending.push(...split.lines);
        timer ??= setTimeout(flush, batchMs);
      }
      cb();
    },
  });
  sink.on('finish', () => end('ended'));
  sink.on('error', (error) => end('error', error.message));
  try {
    const opening = new Log(kc).log(t.namespace, t.pod, t.container, sink, toOptions(o, true));
    // a stream that opens after the deadline is closed at once
    opening.then(
      (late) => ended && late.abort(),
      () => undefined,
    );
    abort = await withDeadline(cluster, timeoutMs, what(t), () => opening);
  } catch (error) {
    ended = true;
    throw describe(error, t, o.previous ?? false);
  }
  return {
    stop() {
      abort?.abort();
      end('stopped');
    },
  };
}
