/** Small statistics for benchmark samples (milliseconds). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

export function summary(samples: readonly number[]): {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
} {
  return {
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    p99: round(percentile(samples, 99)),
    max: round(samples.reduce((m, s) => Math.max(m, s), -Infinity)),
    n: samples.length,
  };
}

/** Peak resident set size (and V8 heap, and memory outside it) of this process while `fn` runs, sampled every 50 ms. */
export async function withPeakRss<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; peakRssMb: number; peakHeapUsedMb: number; peakExternalMb: number }> {
  const peak = { rss: 0, heap: 0, external: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
  };
  sample();
  const timer = setInterval(sample, 50);
  try {
    const value = await fn();
    sample();
    const mb = (n: number) => round(n / 1024 / 1024, 1);
    return {
      value,
      peakRssMb: mb(peak.rss),
      peakHeapUsedMb: mb(peak.heap),
      peakExternalMb: mb(peak.external),
    };
  } finally {
    clearInterval(timer);
  }
}
