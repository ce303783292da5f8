import { describe, expect, it } from 'vitest';
import { row, withSecurity } from '../checks/test-helpers';
import { inspectObjects } from '../index';
import { toHtml } from './html';
import { escapeHtml, sortFindings, toCsv, toJsonReport, toTable } from './render';

async function sample() {
  const evil = withSecurity({ privileged: true });
  evil.metadata = { name: '<script>alert(1)</script>', namespace: 'x"y' };
  const result = await inspectObjects([row(evil)], { config: { sets: ['polaris'] } });
  return {
    title: 'T & T',
    subject: 'a.yaml',
    result,
    problems: [{ file: 'bad.yaml', line: 3, column: 2, message: 'oops <b>' }],
  };
}

describe('reports', () => {
  it('escapes everything in HTML and needs no external resource', async () => {
    const html = toHtml(await sample());
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('bad.yaml:3:2');
    expect(html).toContain('oops &lt;b&gt;');
    expect(html).toContain('T &amp; T');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });

  it('writes CSV with quoting, one row per finding', async () => {
    const input = await sample();
    const lines = toCsv(input).trim().split('\n');
    expect(lines[0]).toBe('severity,checkId,category,cluster,kind,namespace,name,path,message');
    expect(lines).toHaveLength(input.result.findings.length + 1);
    expect(lines.some((l) => l.includes('"x""y"'))).toBe(true);
  });

  it('sorts danger first and summarises in JSON and tables', async () => {
    const input = await sample();
    const sorted = sortFindings(input.result.findings);
    expect(sorted[0]!.severity).toBe('danger');
    const json = toJsonReport(input);
    expect(json.findings[0]).toMatchObject({ severity: 'danger', object: { apiVersion: 'v1', kind: 'Pod' } });
    expect(json.summary.total).toBe(input.result.findings.length);
    expect(toTable(input)).toMatch(/Score \d+ \(grade [A-F]\)/);
  });

  it('a table names the cluster only when the findings come from several', async () => {
    const one = await inspectObjects([row(withSecurity({ privileged: true }), 'a')], {
      config: { sets: ['polaris'] },
    });
    const two = await inspectObjects(
      [row(withSecurity({ privileged: true }), 'b'), row(withSecurity({ privileged: true }), 'a')],
      { config: { sets: ['polaris'] } },
    );
    expect(toTable({ title: 't', subject: 's', result: one })).toMatch(/^SEVERITY\s+CHECK\s+OBJECT\s/);
    const table = toTable({ title: 't', subject: 's', result: two }).split('\n');
    expect(table[0]).toMatch(/^SEVERITY\s+CHECK\s+CLUSTER\s+OBJECT\s/);
    // Sorted by cluster within a severity: a's rows before b's.
    const privileged = table.filter((l) => l.includes('runAsPrivileged'));
    expect(privileged.map((l) => l.split(/\s+/)[2])).toEqual(['a', 'b']);
  });
});
