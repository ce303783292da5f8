/** Reconnect delays: exponential from `initialMs` up to `maxMs`, with up to `jitter` of random spread. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** Fraction of the delay added at random (0 = none, 0.2 = up to +20 %). */
  jitter: number;
}

export const defaultBackoff: BackoffOptions = { initialMs: 250, maxMs: 5_000, jitter: 0.2 };

/** The delay before reconnect attempt `attempt` (0 for the first retry). `random` is injectable for tests. */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const base = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 + options.jitter * random()));
}
