export interface ElectronTarget {
  electron: string;
  platform: string;
  arch: string;
}
export function electronSqliteBindingPath(root: string, target: ElectronTarget): string;
export function summariseFailure(output: string): string;
export type EnsureResult = { ok: true; path: string; built: boolean } | { ok: false; reason: string };
export function ensureElectronSqlite(
  options: Partial<ElectronTarget> & { root?: string; electron: string },
): EnsureResult;
