import type { SourceView } from '../../../shared/contract/sources';

/** Words for data sources: the banner over a snapshot, the picker's options. Pure, for tests. */

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-04 22:30 UTC": one unambiguous form, whatever the machine's locale and zone. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return 'at an unknown time';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "3 hours ago", "yesterday", "5 days ago"; '' for a time in the future or unknown. */
export function timeAgo(iso: string | undefined, now: number): string {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(t) || t > now + 60_000) return '';
  const s = (now - t) / 1000;
  if (s < 90) return 'just now';
  if (s < 5400) return `${Math.round(s / 60)} minutes ago`;
  if (s < 129_600) return `${Math.round(s / 3600)} hours ago`;
  if (s < 172_800) return 'yesterday';
  return `${Math.round(s / 86_400)} days ago`;
}

/** "tkg-01", "tkg-01 and aks-prod", "a, b, c and 4 more". */
export function clusterNames(names: string[], max = 3): string {
  if (names.length === 0) return 'no clusters';
  if (names.length === 1) return names[0]!;
  if (names.length <= max) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** The banner across the top while a read-only source is shown. */
export function bannerText(view: SourceView, now: number): string {
  const clusters = clusterNames(view.clusters.map((c) => c.name));
  const ago = timeAgo(view.takenAt, now);
  const when = `${formatTime(view.takenAt)}${ago ? ` (${ago})` : ''}`;
  if (view.kind === 'manifests') return `Imported manifests: ${view.label}, read ${when} — read-only`;
  return `Snapshot of ${clusters}, taken ${when} — read-only`;
}

/** One option of the source picker. */
export function optionText(view: SourceView): string {
  if (view.kind === 'live') return 'Live fleet';
  const kind = view.kind === 'snapshot' ? 'Snapshot' : 'Manifests';
  const n = view.clusters.length;
  const what = n === 1 ? view.clusters[0]!.name : `${n} clusters`;
  return `${kind} · ${formatTime(view.takenAt)} · ${what}`;
}

/** The picker's list: live first, then the others in the order main lists them. */
export function pickerOptions(views: SourceView[]): Array<{ id: string; text: string; title: string }> {
  const live = views.filter((v) => v.kind === 'live');
  const rest = views.filter((v) => v.kind !== 'live');
  const liveOption = { id: 'live', text: 'Live fleet', title: 'The attached clusters, as they are now' };
  return [
    live.length ? { ...liveOption, text: optionText(live[0]!) } : liveOption,
    ...rest.map((v) => ({
      id: v.id,
      text: optionText(v),
      title: [v.label, v.file, `${v.objects} objects`].filter(Boolean).join('\n'),
    })),
  ];
}
