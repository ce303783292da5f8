import type { CaptureProgress, CaptureScope } from '../../../shared/contract/sources';

/** Words and figures of the capture dialog. Pure, for tests. */

export function scopeText(scope: CaptureScope, name?: string): string {
  switch (scope.kind) {
    case 'fleet':
      return 'the whole fleet';
    case 'group':
      return `cluster group ${name ?? scope.name}`;
    case 'cluster':
      return `cluster ${name ?? scope.name}`;
    case 'workspace':
      return `workspace ${name ?? scope.name}`;
  }
}

/** 0…100 for the progress bar; null while the total is not known yet. */
export function percent(p: CaptureProgress | null): number | null {
  if (!p) return null;
  if (p.phase === 'done') return 100;
  if (p.total <= 0) return null;
  return Math.min(100, Math.round((p.done / p.total) * 100));
}

export function progressText(p: CaptureProgress | null): string {
  if (!p) return 'Starting…';
  const of = p.total > 0 ? `${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} objects` : '';
  switch (p.phase) {
    case 'reading':
      return of ? `Reading ${of}…` : 'Reading the clusters…';
    case 'writing':
      return of ? `Writing ${of}…` : 'Writing the file…';
    case 'done':
      return `Captured ${p.total.toLocaleString('en')} objects.`;
    case 'failed':
      return `The capture failed: ${p.message ?? 'no reason given'}. No file was written.`;
    case 'cancelled':
      return 'Cancelled. No file was written.';
  }
}

export const finished = (p: CaptureProgress | null): boolean =>
  !!p && (p.phase === 'done' || p.phase === 'failed' || p.phase === 'cancelled');

/** Where browser mode serves a finished capture's file (main/app/web-server.ts). */
export const downloadHref = (taskId: string): string => `/snapshots/download/${encodeURIComponent(taskId)}`;
