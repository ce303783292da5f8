import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectCommand } from './inspect';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-inspect-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const corpus = path.resolve(__dirname, '../../../../shared/corpus');

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await inspectCommand(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const dir = path.join(tmp, 'manifests');
fs.mkdirSync(dir);
fs.writeFileSync(
  path.join(dir, 'app.yaml'),
  `apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  hostPID: true
  containers:
  - name: web
    image: nginx:1.25
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {greeting: hello}
`,
);
fs.writeFileSync(path.join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n');
fs.writeFileSync(
  path.join(dir, 'warn-only.json'),
  JSON.stringify({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'i', namespace: 'shop' },
    spec: {},
  }),
);

describe('flotilla inspect FILE_OR_DIR', () => {
  it('lists findings as JSON with checkId, severity, category, object and path; bad files are reported, not fatal', async () => {
    const { code, out, err } = await run(dir, '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    const host = report.findings.find((f: { checkId: string }) => f.checkId === 'hostPIDSet');
    expect(host).toMatchObject({
      severity: 'danger',
      category: 'Security',
      path: 'spec.hostPID',
      object: { kind: 'Pod', namespace: 'shop', name: 'web' },
    });
    expect(report.findings.some((f: { checkId: string }) => f.checkId === 'pss.hostNamespaces')).toBe(true);
    expect(report.findings.some((f: { checkId: string }) => f.checkId === 'tlsSettingsMissing')).toBe(true);
    expect(err).toMatch(/skipped: .*broken\.yaml:\d+:\d+: /);
    expect(report.problems).toHaveLength(1);
    expect(report.score).toBeGreaterThanOrEqual(0);
    expect(report.grade).toMatch(/^[A-F]$/);
  });

  it('exits 1 when findings reach --fail-on', async () => {
    expect((await run(dir, '--fail-on', 'danger', '--format', 'json')).code).toBe(1);
    const ingress = path.join(dir, 'warn-only.json');
    expect((await run(ingress, '--checks', 'polaris', '--fail-on', 'danger')).code).toBe(0);
    expect((await run(ingress, '--checks', 'polaris', '--fail-on', 'warning')).code).toBe(1);
  });

  it('runs only the chosen check sets', async () => {
    const { out } = await run(dir, '--checks', 'pss-baseline', '--format', 'json');
    const sets = new Set(JSON.parse(out).findings.map((f: { set: string }) => f.set));
    expect([...sets]).toEqual(['pss-baseline']);
  });

  it('writes a self-contained HTML report', async () => {
    const file = path.join(tmp, 'report.html');
    expect((await run(dir, '--format', 'html', '-o', file)).code).toBe(0);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('hostPIDSet');
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).not.toContain('<link');
  });

  it('prints a table by default', async () => {
    const { out } = await run(path.join(dir, 'app.yaml'));
    expect(out).toMatch(/^SEVERITY\s+CHECK\s+OBJECT\s+PATH\s+MESSAGE/);
    expect(out).toMatch(/Score \d+ \(grade [A-F]\)/);
  });

  it('inspects a real corpus folder and survives its broken files', async () => {
    const { code, out, err } = await run(
      path.join(corpus, 'k8s-examples'),
      '--format',
      'json',
      '--checks',
      'health',
    );
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.findings.some((f: { checkId: string }) => f.checkId === 'health.removedApiVersion')).toBe(
      true,
    );
    expect(err).toContain('newrelic-config-template.yaml');
  });

  it('honours a config file and rejects a bad one naming the field', async () => {
    const cfg = path.join(tmp, 'cfg.json');
    fs.writeFileSync(
      cfg,
      JSON.stringify({
        checks: { hostPIDSet: { enabled: false } },
        exemptions: [{ checks: ['pss.hostNamespaces'], namespaces: ['shop'] }],
      }),
    );
    const { out } = await run(path.join(dir, 'app.yaml'), '--format', 'json', '--config', cfg);
    const ids = JSON.parse(out).findings.map((f: { checkId: string }) => f.checkId);
    expect(ids).not.toContain('hostPIDSet');
    expect(ids).not.toContain('pss.hostNamespaces');
    fs.writeFileSync(cfg, JSON.stringify({ checks: { hostPIDSet: { severity: 'fatal' } } }));
    const bad = await run(dir, '--config', cfg);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('checks.hostPIDSet.severity');
  });

  it('a snapshot or context that cannot be read is named (exit 2)', async () => {
    const notSnapshot = path.join(tmp, 'notes.flotilla');
    fs.writeFileSync(notSnapshot, 'just text');
    const cases: Array<[string[], RegExp]> = [
      [['--snapshot', path.join(tmp, 'a.flotilla')], /a\.flotilla.*does not exist/],
      [['--snapshot', notSnapshot], /notes\.flotilla.*text file/],
      [['--context', 'prod', '--kubeconfig', path.join(tmp, 'missing-kubeconfig')], /missing-kubeconfig/],
    ];
    for (const [args, message] of cases) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
  });

  it('rejects bad usage with exit 2', async () => {
    for (const args of [
      [],
      [dir, '--format', 'xml'],
      [dir, '--fail-on', 'info'],
      [dir, '--checks', 'nope'],
      [dir, '--snapshot', 'x'],
      [path.join(tmp, 'missing')],
    ]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.length).toBeGreaterThan(10);
    }
    expect((await run('--help')).code).toBe(0);
  });
});
