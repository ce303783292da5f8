/**
 * Sonobuoy: the tar reader, the results tree and the CLI plumbing.
 *
 * The archives are built by the test in the format `sonobuoy retrieve` writes (a gzipped tar, named
 * YYYYmmDDHHMM_sonobuoy_<uuid>.tar.gz, no top folder):
 *   meta/info.json, meta/config.json           run metadata (not read)
 *   resources/..., hosts/..., podlogs/...       cluster snapshot (not read)
 *   plugins/<plugin>/definition.json            plugin definition (not read)
 *   plugins/<plugin>/sonobuoy_results.yaml      Sonobuoy's processed item tree: {name, status, meta,
 *                                               items: [{name, status, details: {failure, system-out}, items}]}
 *   plugins/<plugin>/results/global/junit_01.xml raw JUnit of the e2e plugin (<testsuite><testcase> with
 *                                               <failure message>, <skipped/>)
 * The archives are written by GNU tar (/usr/bin/tar) in its gnu, pax and ustar formats, so the reader
 * meets real headers, GNU long names and PAX path records.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJUnit, readSonobuoyResults, ResultsError } from './results';
import { findOnPath, runSonobuoy, SONOBUOY_MISSING, sonobuoyAvailable, sonobuoyCommands } from './sonobuoy';
import { readTar, TarError } from './tar';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-sonobuoy-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function tree(root: string, files: Record<string, string>): void {
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, path.dirname(p)), { recursive: true });
    fs.writeFileSync(path.join(root, p), text);
  }
}

function tarball(name: string, files: Record<string, string>, format = 'gnu', gzip = true): string {
  const root = path.join(dir, `${name}-src`);
  tree(root, files);
  const out = path.join(dir, name);
  execFileSync('tar', [`--format=${format}`, gzip ? '-czf' : '-cf', out, '-C', root, '.']);
  return out;
}

const junit = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites tests="4" disabled="0" errors="0" failures="1" time="12.5">
  <testsuite name="Kubernetes e2e suite" tests="4" failures="1" errors="0" time="12.5">
    <testcase name="[sig-apps] Deployment should run the lifecycle of a Deployment [Conformance]" classname="Kubernetes e2e suite" time="6.2"></testcase>
    <testcase name="[sig-network] DNS should provide DNS for services  [Conformance]" classname="Kubernetes e2e suite" time="5.1">
      <failure message="timed out waiting for the condition" type="failed"><![CDATA[dns.go:123: lookup <svc> failed & gave up]]></failure>
    </testcase>
    <testcase name="[sig-storage] CSI Volumes [Disruptive] &amp; friends" classname="Kubernetes e2e suite" time="0">
      <skipped message="skipped"></skipped>
    </testcase>
    <testcase name="[sig-node] Pods should be submitted and removed [Conformance]" classname="Kubernetes e2e suite" time="1.2"/>
  </testsuite>
</testsuites>`;

const resultsYaml = `name: e2e
status: failed
meta:
  type: summary
items:
- name: global
  status: failed
  meta:
    file: results/global/junit_01.xml
  items:
  - name: Kubernetes e2e suite
    status: failed
    items:
    - name: '[sig-apps] Deployment should run the lifecycle of a Deployment [Conformance]'
      status: passed
    - name: '[sig-network] DNS should provide DNS for services  [Conformance]'
      status: failed
      details:
        failure: timed out waiting for the condition
        system-out: 'dns.go:123: lookup failed'
    - name: '[sig-storage] CSI Volumes [Disruptive]'
      status: skipped
`;

const systemdYaml = `name: systemd-logs
status: passed
meta:
  type: summary
items:
- name: node-1
  status: complete
  meta:
    file: results/node-1/systemd_logs
    type: node
- name: node-2
  status: complete
  meta:
    file: results/node-2/systemd_logs
    type: node
`;

const longDir = `plugins/e2e/results/global/${'deeply-nested-folder/'.repeat(6)}`;

const retrieveOutput = (extra: Record<string, string> = {}) => ({
  'meta/info.json': '{"load":[]}',
  'meta/config.json': '{"UUID":"3f7c1c2e-0000-4000-8000-000000000000"}',
  'resources/cluster/Nodes.json': '[]',
  'plugins/e2e/definition.json': '{}',
  'plugins/e2e/sonobuoy_results.yaml': resultsYaml,
  'plugins/e2e/results/global/junit_01.xml': junit,
  'plugins/systemd-logs/sonobuoy_results.yaml': systemdYaml,
  'plugins/systemd-logs/results/node-1/systemd_logs': '{}',
  ...extra,
});

describe('tar reader', () => {
  it.each(['gnu', 'pax', 'ustar'])('reads GNU tar %s archives, long paths included', (format) => {
    const file = tarball(
      `t-${format}.tar.gz`,
      {
        'a.txt': 'alpha',
        [`${longDir}x.xml`]: 'long',
        'empty.txt': '',
      },
      format,
    );
    const entries = readTar(fs.readFileSync(file));
    const byPath = Object.fromEntries(entries.map((e) => [e.path, e.data.toString()]));
    expect(byPath).toEqual({ 'a.txt': 'alpha', [`${longDir}x.xml`]: 'long', 'empty.txt': '' });
  });

  it('reads an uncompressed tar too', () => {
    const file = tarball('plain.tar', { 'b.txt': 'beta' }, 'pax', false);
    expect(readTar(fs.readFileSync(file)).map((e) => e.path)).toEqual(['b.txt']);
  });

  it.each<[string, Buffer, string]>([
    ['not gzip, not tar', Buffer.from('hello world'.repeat(100)), 'bad header checksum'],
    ['broken gzip', Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]), 'not a readable gzip file'],
  ])('refuses %s', (_n, data, message) => {
    expect(() => readTar(data)).toThrow(TarError);
    expect(() => readTar(data)).toThrow(message);
  });

  it('says when the archive is truncated', () => {
    const file = tarball('trunc.tar', { 'c.txt': 'x'.repeat(5000) }, 'gnu', false);
    const data = fs.readFileSync(file).subarray(0, 2048);
    expect(() => readTar(data)).toThrow('truncated');
  });
});

describe('Sonobuoy results', () => {
  it('reads the processed tree per plugin: counts, failures first with their messages', () => {
    const file = tarball('202612042230_sonobuoy_3f7c1c2e.tar.gz', retrieveOutput());
    const plugins = readSonobuoyResults(fs.readFileSync(file), 'r.tar.gz');
    expect(plugins.map((p) => [p.name, p.status, p.passed, p.failed, p.skipped])).toEqual([
      ['e2e', 'failed', 1, 1, 1],
      ['systemd-logs', 'passed', 2, 0, 0],
    ]);
    expect(plugins[0]!.tests[0]).toEqual({
      name: '[sig-network] DNS should provide DNS for services  [Conformance]',
      status: 'failed',
      message: 'timed out waiting for the condition\n\ndns.go:123: lookup failed',
    });
  });

  it('falls back to the JUnit files when a plugin has no processed tree', () => {
    const files = retrieveOutput();
    delete (files as Record<string, string>)['plugins/e2e/sonobuoy_results.yaml'];
    const file = tarball('junit-only.tar.gz', files, 'pax');
    const e2e = readSonobuoyResults(fs.readFileSync(file), 'j.tar.gz').find((p) => p.name === 'e2e')!;
    expect([e2e.status, e2e.passed, e2e.failed, e2e.skipped]).toEqual(['failed', 2, 1, 1]);
    expect(e2e.tests[0]!.message).toBe(
      'timed out waiting for the condition\n\ndns.go:123: lookup <svc> failed & gave up',
    );
    expect(e2e.tests.find((t) => t.status === 'skipped')!.name).toBe(
      '[sig-storage] CSI Volumes [Disruptive] & friends',
    );
    expect(e2e.tests.find((t) => t.name.includes('Deployment'))!.durationSeconds).toBe(6.2);
  });

  it.each<[string, Record<string, string>, string]>([
    ['no plugins', { 'meta/info.json': '{}' }, 'no plugin results in it'],
    [
      'bad YAML',
      { 'plugins/e2e/sonobuoy_results.yaml': 'items: [' },
      'plugins/e2e/sonobuoy_results.yaml: not YAML',
    ],
    [
      'not JUnit',
      { 'plugins/x/results/global/out.xml': '<html></html>' },
      'plugins/x/results/global/out.xml: not a JUnit file',
    ],
  ])('names the problem: %s', (name, files, message) => {
    const file = tarball(`bad-${name.replace(/\W/g, '')}.tar.gz`, files);
    expect(() => readSonobuoyResults(fs.readFileSync(file), 'mine.tar.gz')).toThrow(ResultsError);
    expect(() => readSonobuoyResults(fs.readFileSync(file), 'mine.tar.gz')).toThrow(`mine.tar.gz: `);
    expect(() => readSonobuoyResults(fs.readFileSync(file), 'mine.tar.gz')).toThrow(message);
  });

  it('a junit file without testcases has no tests', () => {
    expect(parseJUnit('<testsuite name="s" tests="0"></testsuite>', 'f')).toEqual([]);
  });
});

describe('sonobuoy CLI', () => {
  it.each<['quick' | 'non-disruptive', string]>([
    ['quick', 'quick'],
    ['non-disruptive', 'non-disruptive-conformance'],
  ])('command lines for %s mode', (mode, sonoMode) => {
    expect(sonobuoyCommands(mode, '/tmp/k/kubeconfig', '/tmp/k/results')).toEqual({
      run: ['run', '--kubeconfig', '/tmp/k/kubeconfig', '--mode', sonoMode, '--wait'],
      retrieve: ['retrieve', '/tmp/k/results', '--kubeconfig', '/tmp/k/kubeconfig'],
      delete: ['delete', '--kubeconfig', '/tmp/k/kubeconfig', '--wait'],
    });
  });

  it('not on PATH: unavailable, with what to do', async () => {
    const env = { PATH: path.join(dir, 'nowhere') };
    expect(findOnPath('sonobuoy', env)).toBeUndefined();
    expect(await sonobuoyAvailable(env)).toEqual({ available: false, message: SONOBUOY_MISSING });
    await expect(runSonobuoy({ mode: 'quick', kubeconfigYaml: 'x', env })).rejects.toThrow('not on PATH');
  });

  it('runs run, retrieve and delete in order with a temporary kubeconfig (a stand-in script plays sonobuoy)', async () => {
    // No sonobuoy binary and no real cluster exist here: this script records its arguments and the
    // kubeconfig it was given, and `retrieve` writes a real-format tarball, as sonobuoy would.
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin, { recursive: true });
    const log = path.join(dir, 'calls.log');
    const results = tarball('202612042231_sonobuoy_x.tar.gz', retrieveOutput());
    fs.writeFileSync(
      path.join(bin, 'sonobuoy'),
      `#!/bin/sh
echo "$*" >> "${log}"
case "$1" in
  version) echo "v0.57.3";;
  run) cat "$3" >> "${log}"; echo "running plugins";;
  retrieve) cp "${results}" "$2/"; echo "$2/202612042231_sonobuoy_x.tar.gz";;
  delete) echo "deleted";;
esac
`,
      { mode: 0o755 },
    );
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` };
    expect(await sonobuoyAvailable(env)).toMatchObject({ available: true, version: 'v0.57.3' });
    const lines: string[] = [];
    const r = await runSonobuoy({
      mode: 'non-disruptive',
      kubeconfigYaml: 'apiVersion: v1\nkind: Config\n',
      env,
      onLine: (l) => lines.push(l),
    });
    expect(r.file).toBe('202612042231_sonobuoy_x.tar.gz');
    expect(readSonobuoyResults(r.data, r.file).map((p) => p.name)).toEqual(['e2e', 'systemd-logs']);
    const calls = fs.readFileSync(log, 'utf8').split('\n');
    expect(calls[0]).toMatch(/^version --short$/);
    expect(calls[1]).toMatch(/^run --kubeconfig \S+\/kubeconfig --mode non-disruptive-conformance --wait$/);
    expect(calls[2]).toBe('apiVersion: v1');
    expect(calls.some((c) => /^retrieve \S+ --kubeconfig /.test(c))).toBe(true);
    expect(calls.filter(Boolean).at(-1)).toMatch(/^delete --kubeconfig \S+ --wait$/);
    expect(lines).toContain('running plugins');
    // The temporary kubeconfig is gone.
    const kc = /--kubeconfig (\S+)/.exec(calls[1]!)![1]!;
    expect(fs.existsSync(kc)).toBe(false);
  });
});
