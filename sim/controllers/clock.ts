/** Time for the controllers: real by default, stepped by hand in tests. */
export interface Clock {
  now(): number;
}

export const realClock: Clock = { now: () => Date.now() };

export class ManualClock implements Clock {
  constructor(private time = Date.UTC(2026, 11, 4, 12, 0, 0)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
