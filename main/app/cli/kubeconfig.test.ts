import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { kubeconfigCommand, type CheckReport } from './kubeconfig';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '../../../../shared/corpus');
const headlamp = path.join(corpus, 'headlamp/backend/cmd/headlamp_testdata/kubeconfig');
const k9sNoUsers = path.join(corpus, 'k9s/internal/client/testdata/config.1');
const f8 = path.join(corpus, 'fabric8-client/kubernetes-client-api/src/test/resources');

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await kubeconfigCommand(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('flotilla kubeconfig check', () => {
  it('lists the contexts of a good file with server, auth and namespace, exit 0', async () => {
    const r = await run('check', headlamp);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^\s+CONTEXT\s+SERVER\s+AUTH\s+NAMESPACE\s+STATUS$/);
    expect(lines.find((l) => l.includes('docker-desktop  https://kubernetes.docker.internal:6443'))).toMatch(
      /client-certificate\s+-\s+ok/,
    );
    expect(lines.find((l) => l.startsWith('*'))).toMatch(
      /^\*\s+minikube\s+https:\/\/127\.0\.0\.1:60279\s+client-certificate\s+default\s+ok/,
    );
    expect(r.out).toContain('2 contexts, 0 broken.');
  });

  it('exits 1 and shows the error under a broken context', async () => {
    const r = await run('check', k9sNoUsers);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/blee\s+https:\/\/localhost:3001\s+none\s+-\s+BROKEN \(1 error\)/);
    expect(r.out).toContain(
      `error: context "blee" refers to user "blee", which is not defined in the file (${k9sNoUsers}:14)`,
    );
  });

  it('exits 1 for a file that is not a kubeconfig, naming file and line', async () => {
    const file = path.join(f8, 'serialization/invalid-yaml.yml');
    const r = await run('check', file, headlamp);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`error: ${file}:17: not a kubeconfig`);
    expect(r.out).toContain('2 contexts, 0 broken.');
  });

  it('exits 1 for a missing file', async () => {
    const r = await run('check', '/nonexistent/kubeconfig');
    expect(r.code).toBe(1);
    expect(r.out).toContain('/nonexistent/kubeconfig: cannot read the kubeconfig: no such file');
    expect(r.out).toContain('No kubeconfig could be read.');
  });

  it('prints JSON with --json, with errors per context and no secret', async () => {
    const r = await run(
      'check',
      '--json',
      path.join(f8, 'test-kubeconfig'),
      path.join(f8, 'test-kubeconfig-tls-server-name'),
    );
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as CheckReport;
    expect(report.ok).toBe(false);
    expect(report.currentContext).toBe('testns/172-28-128-4:8443/user');
    expect(report.contexts.map((c) => [c.name, c.authKind, c.ok])).toEqual([
      ['testns/172-28-128-4:8443/user', 'token', false],
      ['production/172-28-128-4:8443/root', 'token', false],
      ['production/172-28-128-4:8443/mmosley', 'auth-provider', false],
      ['tunnel-context', 'token', true],
    ]);
    expect(report.contexts[3]).toMatchObject({
      tlsServerName: 'api.example.cluster.local',
      namespace: 'default',
      server: 'https://127.0.0.1:6443',
    });
    expect(report.contexts[0]!.problems.map((p) => p.field).sort()).toEqual([
      'certificate-authority',
      'insecure-skip-tls-verify',
    ]);
    for (const secret of [
      'supertoken',
      'test-token',
      '1db158f6-177d-4d9c-8a8b-d36869918ec5',
      'q1bKLFOyUiosTfawzA93TzZIDzH2TNa2SMm0zEiPKTUwME6BkEo6Sql5yUWVBSWpKUGphaWpxSVAfekBOZbBhaEW',
    ]) {
      expect(r.out).not.toContain(secret);
    }
  });

  it('exits 2 on usage errors, 0 on --help', async () => {
    expect((await run()).code).toBe(2);
    expect((await run('check')).code).toBe(2);
    const bad = await run('check', '--jsn', headlamp);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown option --jsn');
    expect((await run('lint', headlamp)).err).toContain('unknown command "lint"');
    const help = await run('check', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: flotilla kubeconfig check FILE... [--json]');
  });
});
