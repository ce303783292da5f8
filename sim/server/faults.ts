/** Run-time fault injection for one cluster: latency, failing requests, dropped watches, unreachable. */
import { ApiError } from './errors';

export interface FaultState {
  /** Added to every request, in milliseconds. */
  latencyMs: number;
  /** Fraction (0..1) of API requests that fail with `errorCode`. */
  errorRate: number;
  errorCode: 500 | 429;
  /** When > 0, every watch is closed this many milliseconds after it starts (dropped mid-stream). */
  dropWatchesAfterMs: number;
  /** 'silent': connections are accepted and never answered; 'refuse': the port is closed. */
  unreachable: 'no' | 'silent' | 'refuse';
}

export const noFaults = (): FaultState => ({
  latencyMs: 0,
  errorRate: 0,
  errorCode: 500,
  dropWatchesAfterMs: 0,
  unreachable: 'no',
});

/** Checks and normalises a partial fault setting from the admin API; names the bad field. */
export function parseFaultPatch(input: unknown): Partial<FaultState> {
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new ApiError(400, 'faults: expected a JSON object');
  const src = input as Record<string, unknown>;
  const out: Partial<FaultState> = {};
  const num = (k: string, min: number, max: number): number => {
    const v = src[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      throw new ApiError(
        400,
        `faults.${k}: expected a number from ${min} to ${max}, got ${JSON.stringify(v)}`,
      );
    return v;
  };
  for (const k of Object.keys(src)) {
    switch (k) {
      case 'latencyMs':
        out.latencyMs = num(k, 0, 600_000);
        break;
      case 'errorRate':
        out.errorRate = num(k, 0, 1);
        break;
      case 'errorCode':
        if (src[k] !== 500 && src[k] !== 429)
          throw new ApiError(400, `faults.errorCode: expected 500 or 429, got ${JSON.stringify(src[k])}`);
        out.errorCode = src[k] as 500 | 429;
        break;
      case 'dropWatchesAfterMs':
        out.dropWatchesAfterMs = num(k, 0, 3_600_000);
        break;
      case 'unreachable':
        if (
          src[k] !== 'no' &&
          src[k] !== 'silent' &&
          src[k] !== 'refuse' &&
          src[k] !== false &&
          src[k] !== true
        )
          throw new ApiError(
            400,
            `faults.unreachable: expected "no", "silent" or "refuse", got ${JSON.stringify(src[k])}`,
          );
        out.unreachable =
          src[k] === true ? 'silent' : src[k] === false ? 'no' : (src[k] as FaultState['unreachable']);
        break;
      default:
        throw new ApiError(
          400,
          `faults: unknown field "${k}" (known: latencyMs, errorRate, errorCode, dropWatchesAfterMs, unreachable)`,
        );
    }
  }
  return out;
}

/** The injected failure for this request, if the dice say so. */
export function injectedError(f: FaultState, random = Math.random): ApiError | undefined {
  if (f.errorRate <= 0 || random() >= f.errorRate) return undefined;
  if (f.errorCode === 429)
    return new ApiError(429, 'Too many requests, please try again later.', 'TooManyRequests', {
      retryAfterSeconds: 1,
    });
  return new ApiError(500, 'Internal error occurred: injected fault', 'InternalError');
}

export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
