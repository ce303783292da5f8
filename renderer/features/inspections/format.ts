/** Small words and numbers for the inspections pages. Pure. */
import type { InspectionRunSummary } from '../../../shared/contract/inspections';

/** "0.4 s", "12 s", "3 min 05 s", "1 h 02 min"; "--" when unknown or negative. */
export function duration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '--';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

export function runDuration(
  run: Pick<InspectionRunSummary, 'startedAt' | 'finishedAt'>,
  now = Date.now(),
): string {
  const start = Date.parse(run.startedAt);
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  return Number.isNaN(start) || Number.isNaN(end) ? '--' : duration(end - start);
}

/** "2026-12-04 22:31" (with `seconds`: "2026-12-04 22:31:07") in local time; the ISO text when it cannot be read. */
export function when(iso: string | undefined, seconds = false): string {
  if (!iso) return '--';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  const s = seconds ? `:${pad(d.getSeconds())}` : '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}${s}`;
}

/** The result column: "78 · C" for a finished run, the status word otherwise. */
export function resultText(
  run: Pick<InspectionRunSummary, 'status' | 'score' | 'grade' | 'message'>,
): string {
  switch (run.status) {
    case 'done':
      return run.grade ? `${run.score} · ${run.grade}` : String(run.score);
    case 'running':
      return 'Running…';
    case 'cancelled':
      return 'Cancelled';
    case 'failed':
      return run.message ? `Failed: ${run.message}` : 'Failed';
  }
}

export const statusWord: Record<InspectionRunSummary['status'], string> = {
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** "Inspecting 1,200 of 5,000 objects (24%)". */
export function progressText(p: { done: number; total: number; phase: string }): string {
  const verb = p.phase === 'reading' ? 'Reading' : p.phase === 'storing' ? 'Storing results:' : 'Inspecting';
  if (p.total <= 0) return `${verb}…`;
  const pct = Math.min(100, Math.floor((100 * p.done) / p.total));
  return `${verb} ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} objects (${pct}%)`;
}

/** The tone of a grade: A–B good, C–D middling, E–F bad. */
export function gradeTone(grade: string): 'good' | 'fair' | 'bad' | 'none' {
  if (!grade) return 'none';
  if (grade === 'A' || grade === 'B') return 'good';
  if (grade === 'C' || grade === 'D') return 'fair';
  return 'bad';
}
