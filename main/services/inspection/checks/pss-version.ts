/** Kubernetes versions as comparable numbers, for version-aware Pod Security Standards. */

/** The newest Pod Security Standards version this build knows ('latest'). */
export const latestPssMinor = 37;

/** '1.29', 'v1.29.3', '1.29+' → 29 (minor of 1.x); 'latest' or unknown → latestPssMinor. */
export function minorOf(version: string | undefined): number {
  if (!version || version === 'latest') return latestPssMinor;
  const m = /^v?1\.(\d+)/.exec(version.trim());
  return m ? Number(m[1]) : latestPssMinor;
}
