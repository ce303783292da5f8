/**
 * One container's life in the simulated runtime, as a pure state machine stepped by time:
 * creating → running → (crash → backoff → running …) | (exit → terminated), and
 * creating → ErrImagePull → ImagePullBackOff → creating … for images that cannot be pulled.
 */
import { isoSeconds } from './clock';
import { backoffMs, type Fate } from './fate';
import type { Timings } from './runtime';
import { hashString } from '../fleet/rand';

export type Stage = 'creating' | 'pull-error' | 'pull-backoff' | 'running' | 'backoff' | 'terminated';

export interface Terminated {
  exitCode: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
}

export interface ContainerState {
  name: string;
  image: string;
  fate: Fate;
  stage: Stage;
  /** When the next transition happens; undefined = stays. */
  next?: number;
  /** When the container counts as ready (readiness probe's initial delay). */
  readyAt?: number;
  readinessDelayMs: number;
  startedAt?: number;
  restarts: number;
  pullFailures: number;
  everStarted: boolean;
  containerId?: string;
  last?: Terminated;
  final?: Terminated;
}

export interface Happening {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface StepContext {
  restartPolicy: string;
  podName: string;
  podRef: string;
  timings: Timings;
  pullAlways: boolean;
}

const hex64 = (seed: string): string => {
  let out = '';
  for (let i = 0; out.length < 64; i++) out += hashString(`${seed}:${i}`).toString(16).padStart(8, '0');
  return out.slice(0, 64);
};

export function imageRef(image: string): string {
  const first = image.split('/')[0] ?? '';
  const hasRegistry =
    image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const repo = hasRegistry
    ? image
    : image.includes('/')
      ? `docker.io/${image}`
      : `docker.io/library/${image}`;
  return repo.replace(/:[\w][\w.-]*$/, '').replace(/@sha256:.*/, '');
}

export const imageId = (image: string): string => `${imageRef(image)}@sha256:${hex64(image)}`;
const fullImage = (image: string): string =>
  image.includes('/') && image.split('/')[0]?.includes('.')
    ? image
    : `${imageRef(image)}${image.match(/:[\w][\w.-]*$/)?.[0] ?? ':latest'}`;

function start(c: ContainerState, t: number, ctx: StepContext, out: Happening[]): void {
  c.stage = 'running';
  c.startedAt = t;
  c.everStarted = true;
  c.containerId = `containerd://${hex64(`${ctx.podRef}/${c.name}/${c.restarts}`)}`;
  c.readyAt = t + c.readinessDelayMs;
  out.push({ type: 'Normal', reason: 'Created', message: `Created container ${c.name}` });
  out.push({ type: 'Normal', reason: 'Started', message: `Started container ${c.name}` });
  if (c.fate.crashes) c.next = t + ctx.timings.crashAfterMs;
  else if (c.fate.runMs !== undefined)
    c.next = t + (c.fate.runMs < 0 ? ctx.timings.jobPodRunMs : c.fate.runMs);
  else c.next = undefined;
}

/** Advances one transition at time c.next. */
export function step(c: ContainerState, ctx: StepContext, out: Happening[]): void {
  const t = c.next ?? 0;
  const tm = ctx.timings;
  switch (c.stage) {
    case 'creating':
      if (c.fate.pullError) {
        c.pullFailures++;
        c.stage = 'pull-error';
        c.next = t + Math.min(2000, tm.podStartMs);
        out.push({
          type: 'Warning',
          reason: 'Failed',
          message: `Failed to pull image "${c.image}": ${c.fate.pullError}`,
        });
        out.push({ type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull' });
        return;
      }
      out.push(
        c.everStarted || !ctx.pullAlways
          ? {
              type: 'Normal',
              reason: 'Pulled',
              message: `Container image "${c.image}" already present on machine`,
            }
          : {
              type: 'Normal',
              reason: 'Pulled',
              message: `Successfully pulled image "${c.image}" in ${(tm.podStartMs / 1000).toFixed(3)}s (${(tm.podStartMs / 1000).toFixed(3)}s including waiting). Image size: ${(hashString(c.image) % 90_000_000) + 5_000_000} bytes.`,
            },
      );
      start(c, t, ctx, out);
      return;
    case 'pull-error':
      c.stage = 'pull-backoff';
      c.next = t + backoffMs(c.pullFailures, tm.backoffBaseMs, tm.backoffMaxMs);
      out.push({ type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${c.image}"` });
      out.push({ type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff' });
      return;
    case 'pull-backoff':
      c.stage = 'creating';
      c.next = t + Math.min(1000, tm.podStartMs);
      out.push({ type: 'Normal', reason: 'Pulling', message: `Pulling image "${c.image}"` });
      return;
    case 'running': {
      const crashed = c.fate.crashes;
      const term: Terminated = {
        exitCode: crashed ? c.fate.exitCode : 0,
        reason: crashed ? (c.fate.oomKilled ? 'OOMKilled' : 'Error') : 'Completed',
        startedAt: c.startedAt ?? t,
        finishedAt: t,
      };
      c.readyAt = undefined;
      const restart = ctx.restartPolicy === 'Always' || (ctx.restartPolicy === 'OnFailure' && crashed);
      if (!restart) {
        c.stage = 'terminated';
        c.final = term;
        c.next = undefined;
        return;
      }
      c.last = term;
      c.restarts++;
      c.stage = 'backoff';
      const delay = backoffMs(c.restarts, tm.backoffBaseMs, tm.backoffMaxMs);
      c.next = t + delay;
      out.push({
        type: 'Warning',
        reason: 'BackOff',
        message: `Back-off restarting failed container ${c.name} in pod ${ctx.podName}`,
      });
      return;
    }
    case 'backoff':
      out.push({
        type: 'Normal',
        reason: 'Pulled',
        message: `Container image "${c.image}" already present on machine`,
      });
      start(c, t, ctx, out);
      return;
    case 'terminated':
      c.next = undefined;
  }
}

export function isContainerReady(c: ContainerState, now: number): boolean {
  return c.stage === 'running' && c.readyAt !== undefined && now >= c.readyAt;
}

const terminatedJson = (x: Terminated, id?: string) => ({
  terminated: {
    exitCode: x.exitCode,
    reason: x.reason,
    startedAt: isoSeconds(x.startedAt),
    finishedAt: isoSeconds(x.finishedAt),
    ...(id ? { containerID: id } : {}),
  },
});

/** The containerStatuses entry kubectl and clients read. */
export function containerStatusJson(c: ContainerState, now: number, podRef: string): Record<string, unknown> {
  let state: Record<string, unknown>;
  switch (c.stage) {
    case 'creating':
      state =
        c.pullFailures > 0
          ? { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } }
          : { waiting: { reason: 'ContainerCreating' } };
      break;
    case 'pull-error':
      state = { waiting: { reason: 'ErrImagePull', message: c.fate.pullError } };
      break;
    case 'pull-backoff':
      state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } };
      break;
    case 'running':
      state = { running: { startedAt: isoSeconds(c.startedAt ?? now) } };
      break;
    case 'backoff': {
      const secs = Math.round(((c.next ?? now) - (c.last?.finishedAt ?? now)) / 1000);
      state = {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${secs}s restarting failed container=${c.name} pod=${podRef}`,
        },
      };
      break;
    }
    case 'terminated':
      state = c.final
        ? terminatedJson(c.final, c.containerId)
        : { terminated: { exitCode: 0, reason: 'Completed' } };
  }
  return {
    name: c.name,
    image: c.everStarted ? fullImage(c.image) : c.image,
    imageID: c.everStarted ? imageId(c.image) : '',
    ...(c.containerId ? { containerID: c.containerId } : {}),
    ready: isContainerReady(c, now),
    started: c.stage === 'running',
    restartCount: c.restarts,
    state,
    lastState: c.last ? terminatedJson(c.last, c.containerId) : {},
  };
}
