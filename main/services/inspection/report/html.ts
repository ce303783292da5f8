/** A self-contained HTML report: inline styles and script, no external resources, everything escaped. */
import { summarize } from '../score';
import { escapeHtml as e, sortFindings, type ReportInput } from './render';

const css = `body{font:14px system-ui,sans-serif;margin:24px;color:#1d2433}h1{font-size:20px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #d5d9e2;border-radius:6px;padding:10px 14px;min-width:110px}
.card b{display:block;font-size:22px}.grade-A,.grade-B{color:#1a7f37}.grade-C,.grade-D{color:#9a6700}.grade-E,.grade-F{color:#cf222e}
table{border-collapse:collapse;width:100%;margin-top:14px}th,td{border-bottom:1px solid #e3e6ed;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f3f5f9;position:sticky;top:0}.danger{color:#cf222e;font-weight:600}.warning{color:#9a6700;font-weight:600}.info{color:#57606a}
code{font-size:12px}input{padding:5px;width:320px}small{color:#57606a}`;

const script = `const q=document.getElementById('q'),s=document.getElementById('sev');function f(){const t=q.value.toLowerCase(),v=s.value;
for(const r of document.querySelectorAll('#findings tbody tr')){r.hidden=!((!v||r.dataset.sev===v)&&r.textContent.toLowerCase().includes(t))}}
q.addEventListener('input',f);s.addEventListener('change',f);`;

export function toHtml(input: ReportInput): string {
  const r = input.result;
  const s = summarize(r.findings);
  const card = (label: string, value: string | number, cls = '') =>
    `<div class="card ${cls}"><b>${e(String(value))}</b>${e(label)}</div>`;
  const counts = (m: Record<string, number>) =>
    Object.entries(m)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${e(k || '(cluster-scoped)')}: ${v}`)
      .join(' · ') || 'none';
  const rows = sortFindings(r.findings)
    .map(
      (
        f,
      ) => `<tr data-sev="${e(f.severity)}"><td class="${e(f.severity)}">${e(f.severity)}</td><td>${e(f.category)}</td>
<td><b>${e(f.checkId)}</b><br><small>${e(f.title)}</small></td><td>${e(f.object.kind)}<br><small>${e(f.object.cluster)} / ${e(f.object.namespace || '—')}</small><br>${e(f.object.name)}</td>
<td><code>${e(f.path)}</code></td><td>${e(f.message)}<br><small>${e(f.remediation)}</small></td></tr>`,
    )
    .join('\n');
  const problems = (input.problems ?? [])
    .map(
      (p) =>
        `<li><code>${e(p.file)}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}</code> ${e(p.message)}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${e(input.title)}</title><style>${css}</style></head><body>
<h1>${e(input.title)}</h1><p>${e(input.subject)}<br><small>Generated ${e(input.generatedAt ?? r.finishedAt)}</small></p>
<div class="cards">${card('score', r.score)}${card('grade', r.grade, `grade-${r.grade}`)}${card('objects', r.objectsInspected)}${card('checks', r.checksRun)}${card('danger', s.bySeverity.danger ?? 0, 'danger')}${card('warning', s.bySeverity.warning ?? 0, 'warning')}${card('passed', r.results.pass)}</div>
<p><b>By category:</b> ${counts(s.byCategory)}<br><b>By cluster:</b> ${counts(s.byCluster)}<br><b>By namespace:</b> ${counts(s.byNamespace)}</p>
${problems ? `<h2>Input problems</h2><ul>${problems}</ul>` : ''}
<h2>Findings (${r.findings.length})</h2>
<p><input id="q" placeholder="Filter findings…" aria-label="Filter findings"> <select id="sev" aria-label="Severity"><option value="">all severities</option><option>danger</option><option>warning</option><option>info</option></select></p>
<table id="findings"><thead><tr><th>Severity</th><th>Category</th><th>Check</th><th>Object</th><th>Path</th><th>Message</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<script>${script}</script>
</body></html>
`;
}
