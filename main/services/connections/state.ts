import type { ConnectionState, FailureKind } from '../../../shared/contract/fleet';

/** The outcome of one probe of a cluster. */
export type ProbeOutcome =
  | {
      ok: true;
      /** Something answered badly although the API is up (e.g. a component unhealthy). */ warning?: string;
    }
  | { ok: false; failure: FailureKind; message: string };

export interface ConnState {
  state: ConnectionState;
  message: string;
  failure?: FailureKind;
  /** Consecutive failed probes. */
  failures: number;
  /** Epoch ms of the next probe. */
  nextAt: number;
}

export interface Timing {
  /** How often a ready cluster is probed. */
  pollMs: number;
  /** First retry delay after a failure; doubles up to maxMs. */
  baseMs: number;
  maxMs: number;
  /** 0.2 → each delay is scaled by a random factor in [0.8, 1.2). */
  jitter: number;
}

export const defaultTiming: Timing = { pollMs: 15_000, baseMs: 1_000, maxMs: 60_000, jitter: 0.2 };

export const initialState = (now: number): ConnState => ({
  state: 'connecting',
  message: 'Connecting…',
  failures: 0,
  nextAt: now,
});

/** Exponential back-off with jitter: base·2^(n-1), capped, scaled by a factor around 1. */
export function backoff(failures: number, timing: Timing, random: () => number): number {
  const raw = Math.min(timing.maxMs, timing.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(raw * (1 - timing.jitter + 2 * timing.jitter * random()));
}

const NETWORK: ReadonlySet<FailureKind> = new Set(['dns', 'refused', 'tls', 'timeout', 'network']);
const AUTH: ReadonlySet<FailureKind> = new Set(['unauthorized', 'forbidden', 'config', 'not-approved']);

/**
 * The next connection state after a probe. A ready cluster that misses one probe is
 * "degraded" while it is retried at once; a second miss makes it "unreachable". Rejected
 * credentials make it "unauthorized"; server errors and rate limits keep it "degraded".
 * Failures are retried with back-off and jitter; a success resets the count.
 */
export function nextState(
  prev: ConnState,
  outcome: ProbeOutcome,
  now: number,
  timing: Timing,
  random: () => number,
): ConnState {
  if (outcome.ok) {
    return {
      state: outcome.warning ? 'degraded' : 'ready',
      message: outcome.warning ?? 'Connected',
      failures: 0,
      nextAt: now + timing.pollMs,
    };
  }
  const failures = prev.failures + 1;
  const delay = backoff(failures, timing, random);
  let state: ConnectionState;
  let message = outcome.message;
  if (AUTH.has(outcome.failure)) state = 'unauthorized';
  else if (!NETWORK.has(outcome.failure)) state = 'degraded';
  else if ((prev.state === 'ready' || prev.state === 'degraded') && failures === 1) {
    state = 'degraded';
    message = `Lost contact, retrying: ${outcome.message}`;
  } else state = 'unreachable';
  return { state, message, failure: outcome.failure, failures, nextAt: now + delay };
}
