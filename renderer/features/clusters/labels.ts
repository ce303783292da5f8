/**
 * Labels typed as text: "env: prod, team=a" or one per line. Returns the labels, or the
 * first entry that is not `key: value` / `key=value`.
 */
export function parseLabels(text: string): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  for (const raw of text.split(/[,\n]/)) {
    const entry = raw.trim();
    if (entry === '') continue;
    const m = /^([^:=\s]+)\s*[:=]\s*(.*)$/.exec(entry);
    if (!m) return { error: `"${entry}" is not a label: write key: value` };
    labels[m[1]!] = m[2]!.trim().replace(/^"(.*)"$/, '$1');
  }
  return { labels };
}

export function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
}
