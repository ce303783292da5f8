import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseArgs } from './cli';

describe('sim CLI', () => {
  it('parses its flags and names a bad one', () => {
    expect(
      parseArgs([
        '--clusters',
        '3',
        '--out=/tmp/x',
        '--port-base',
        '7000',
        '--churn',
        '5',
        '--nodes',
        '4',
        '--pods',
        '50',
      ]),
    ).toMatchObject({
      clusters: 3,
      outDir: '/tmp/x',
      portBase: 7000,
      churn: 5,
      nodes: 4,
      pods: 50,
    });
    expect(parseArgs(['--demo']).demo).toBe(true);
    expect(() => parseArgs(['--clusters', 'many'])).toThrow(/--clusters: expected a number/);
    expect(() => parseArgs(['--bogus'])).toThrow(/unknown argument "--bogus"/);
  });

  it('starts clusters with their own CA, writes the kubeconfig, prints ready, and stops on SIGTERM', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kube-sim-cli-'));
    const tsx = resolve('node_modules/.bin/tsx');
    const child = spawn(tsx, ['sim/cli.ts', '--clusters', '2', '--out', out, '--pods', '4', '--nodes', '2'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const line = await new Promise<string>((res, rej) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        if (buf.includes('\n')) res(buf.split('\n')[0]);
      });
      child.on('exit', (code) => rej(new Error(`sim exited early with ${code}`)));
    });
    const ready = JSON.parse(line) as {
      ready: boolean;
      kubeconfig: string;
      clusters: Array<{ name: string; server: string; port: number }>;
    };
    expect(ready.ready).toBe(true);
    expect(ready.clusters).toHaveLength(2);
    const kc = parse(readFileSync(ready.kubeconfig, 'utf8')) as {
      contexts: Array<{ name: string }>;
      clusters: Array<{ name: string; cluster: { 'certificate-authority-data': string } }>;
      users: Array<{ name: string; user: Record<string, string> }>;
    };
    expect(kc.contexts.map((c) => c.name)).toEqual([
      ready.clusters[0].name,
      ready.clusters[1].name,
      `${ready.clusters[0].name}-cert`,
    ]);
    expect(kc.users.filter((u) => u.user.token)).toHaveLength(4);
    const cas = kc.clusters.map((c) =>
      Buffer.from(c.cluster['certificate-authority-data'], 'base64').toString(),
    );
    expect(cas[0]).not.toBe(cas[1]);
    const peer = await new Promise<X509Certificate>((res, rej) => {
      const s = connect(
        { host: '127.0.0.1', port: ready.clusters[1].port, ca: cas[1], servername: 'localhost' },
        () => {
          const c = s.getPeerX509Certificate();
          s.destroy();
          if (c) res(c);
          else rej(new Error('no peer certificate'));
        },
      );
      s.on('error', rej);
    });
    expect(peer.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(peer.subjectAltName).toContain('DNS:localhost');
    expect(peer.checkIssued(new X509Certificate(cas[1]))).toBe(true);
    const code = await new Promise<number | null>((res) => {
      child.removeAllListeners('exit');
      child.on('exit', (c) => res(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  }, 30_000);
});
