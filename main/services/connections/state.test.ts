import { describe, expect, it } from 'vitest';
import type { FailureKind } from '../../../shared/contract/fleet';
import { backoff, initialState, nextState, type ConnState, type ProbeOutcome, type Timing } from './state';

const timing: Timing = { pollMs: 10_000, baseMs: 1_000, maxMs: 30_000, jitter: 0.2 };
const mid = () => 0.5;
const fail = (failure: FailureKind): ProbeOutcome => ({ ok: false, failure, message: `${failure} happened` });

function run(outcomes: ProbeOutcome[]): ConnState[] {
  let s = initialState(0);
  const out: ConnState[] = [];
  for (const o of outcomes) {
    s = nextState(s, o, 0, timing, mid);
    out.push(s);
  }
  return out;
}

describe('connection state machine', () => {
  it('goes ready on success and polls', () => {
    const [s] = run([{ ok: true }]);
    expect(s).toMatchObject({ state: 'ready', failures: 0, nextAt: 10_000 });
  });

  it('is degraded when the API answers with a warning', () => {
    expect(run([{ ok: true, warning: 'etcd unhealthy' }])[0]).toMatchObject({
      state: 'degraded',
      message: 'etcd unhealthy',
    });
  });

  it('a cluster that never answered is unreachable at once', () => {
    expect(run([fail('refused')])[0]!.state).toBe('unreachable');
  });

  it('a ready cluster missing one probe is degraded, then unreachable', () => {
    const states = run([{ ok: true }, fail('timeout'), fail('timeout'), { ok: true }]).map((s) => s.state);
    expect(states).toEqual(['ready', 'degraded', 'unreachable', 'ready']);
  });

  it.each<[FailureKind, string]>([
    ['unauthorized', 'unauthorized'],
    ['forbidden', 'unauthorized'],
    ['not-approved', 'unauthorized'],
    ['server', 'degraded'],
    ['rate-limited', 'degraded'],
    ['dns', 'unreachable'],
    ['tls', 'unreachable'],
  ])('%s → %s', (failure, state) => {
    const s = run([fail(failure)])[0]!;
    expect(s.state).toBe(state);
    expect(s.failure).toBe(failure);
    expect(s.message).toContain(failure);
  });

  it('backs off exponentially, capped, with jitter', () => {
    const delays = run(Array.from({ length: 7 }, () => fail('refused'))).map((s) => s.nextAt);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(backoff(1, timing, () => 0)).toBe(800);
    expect(backoff(1, timing, () => 0.999999)).toBe(1_200);
    expect(backoff(3, timing, () => 0.999999)).toBe(4_800);
    const spread = new Set(Array.from({ length: 50 }, () => backoff(3, timing, Math.random)));
    expect(spread.size).toBeGreaterThan(5);
    for (const d of spread) {
      expect(d).toBeGreaterThanOrEqual(3_200);
      expect(d).toBeLessThanOrEqual(4_800); // rounded: a draw just under 1 gives 4,800
    }
  });
});
