import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../../sim/index';
import {
  fleetCalls,
  type ClusterPage,
  type ClusterRow,
  type Inspection,
} from '../../../shared/contract/fleet';
import { createEventBus } from '../../ipc/events';
import { createRouter, type Handlers } from '../../ipc/router';
import { createLogger } from '../../services/log';
import { openDatabase, type Db } from '../../store/db';
import { createFleetArea, type FleetArea } from './fleet';

/**
 * The fleet area over the real router against a kube-sim fleet of 3 clusters: attach with a
 * client certificate, a read-only user and a token; figures as the sim reports them; a cluster
 * that stops answering goes unreachable while the others stay ready; and no result or event
 * ever carries a token, key or certificate.
 */
let sim: SimHandle;
let db: Db;
let area: FleetArea;
let dispatch: (name: string, input: unknown) => Promise<unknown>;
const transcript: string[] = [];
let demoKubeconfig = '';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-it-'));

beforeAll(async () => {
  sim = await startSim({ outDir: path.join(tmp, 'sim'), clusters: 3, nodes: 3, pods: 12, seed: 7 });
  fs.mkdirSync(path.join(tmp, 'data'), { recursive: true });
  db = openDatabase(path.join(tmp, 'data', 'flotilla.db'));
  const events = createEventBus();
  events.subscribe((name, payload) => transcript.push(JSON.stringify({ event: name, payload })));
  area = createFleetArea({
    db,
    log: createLogger({ quiet: true }),
    events,
    dataDir: path.join(tmp, 'data'),
    connections: {
      timing: { pollMs: 1000, baseMs: 300, maxMs: 2000, jitter: 0.1 },
      probeTimeoutMs: 3000,
      tickMs: 100,
    },
  });
  const router = createRouter(area.handlers as unknown as Handlers, createLogger({ quiet: true }));
  dispatch = async (name, input) => {
    const result = await router.dispatch(name, input);
    transcript.push(JSON.stringify({ call: name, result }));
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}, 60_000);

afterAll(async () => {
  await area?.close();
  db?.close();
  await sim?.stop();
});

const list = async (input: object = {}) => (await dispatch('clusters.list', input)) as ClusterPage;

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- kubectl's JSON, read loosely
type Json = any;
const run = promisify(execFile);

/** Independent of the app: requests over allocatable from kubectl's JSON (async: the sim runs in this process). */
async function kubectlFigures(kubeconfig: string, context: string) {
  const kubectl = async (args: string[]) =>
    JSON.parse(
      (await run('kubectl', ['--kubeconfig', kubeconfig, '--context', context, ...args, '-o', 'json']))
        .stdout,
    ) as {
      items: Array<Json>;
      serverVersion: { gitVersion: string };
    };
  const get = (what: string) => kubectl(['get', ...what.split(' ')]);
  const q = (s: string | undefined): number => {
    if (!s) return 0;
    const m = /^([0-9.]+)(m|Ki|Mi|Gi|k|M|G)?$/.exec(s)!;
    const f = { m: 1e-3, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, k: 1e3, M: 1e6, G: 1e9 }[m[2] ?? ''] ?? 1;
    return Number(m[1]) * f;
  };
  const [nodeList, podList, version] = await Promise.all([
    get('nodes'),
    get('pods -A'),
    kubectl(['version']),
  ]);
  const nodes = nodeList.items;
  const pods = podList.items.filter(
    (p) => p.spec.nodeName && !['Succeeded', 'Failed'].includes(p.status?.phase),
  );
  const req = (p: Json, k: string) =>
    Math.max(
      (p.spec.containers ?? []).reduce((s: number, c: Json) => s + q(c.resources?.requests?.[k]), 0),
      ...(p.spec.initContainers ?? []).map((c: Json) => q(c.resources?.requests?.[k])),
    );
  return {
    nodes: nodes.length,
    cpuAllocatable: nodes.reduce((s, n) => s + q(n.status.allocatable.cpu), 0),
    memAllocatable: nodes.reduce((s, n) => s + q(n.status.allocatable.memory), 0),
    cpuRequested: pods.reduce((s, p) => s + req(p, 'cpu'), 0),
    memRequested: pods.reduce((s, p) => s + req(p, 'memory'), 0),
    version: version.serverVersion.gitVersion,
  };
}

/** Every token, key and certificate in the sim's kubeconfigs, raw, base64 and PEM body lines. */
function secretsOf(files: string[]): string[] {
  const out = new Set<string>();
  for (const f of files) {
    const doc = parse(fs.readFileSync(f, 'utf8')) as {
      users: Array<{ user: Record<string, string> }>;
      clusters: Array<{ cluster: Record<string, string> }>;
    };
    const values = [
      ...doc.users.flatMap((u) => [
        u.user.token,
        u.user['client-certificate-data'],
        u.user['client-key-data'],
      ]),
      ...doc.clusters.map((c) => c.cluster['certificate-authority-data']),
    ].filter((v): v is string => !!v);
    for (const v of values) {
      out.add(v);
      const decoded = Buffer.from(v, 'base64').toString('utf8');
      if (decoded.includes('-----BEGIN')) {
        for (const line of decoded.split('\n'))
          if (line.length >= 40 && !line.startsWith('-----')) out.add(line);
      }
    }
  }
  return [...out];
}

describe('fleet against kube-sim', () => {
  let inspection: Inspection;
  const names = () => sim.clusters.map((c) => c.name);

  it('inspects two kubeconfigs that use the same context names', async () => {
    inspection = (await dispatch('kubeconfig.inspect', {
      paths: [sim.kubeconfigPath, sim.viewerKubeconfigPath],
    })) as Inspection;
    const keys = inspection.contexts.map((c) => c.key);
    expect(keys).toContain(`${names()[0]}-cert`);
    expect(keys).toContain(`${names()[1]} (kubeconfig-viewer)`);
    expect(inspection.contexts.every((c) => c.ok)).toBe(true);
    const cert = inspection.contexts.find((c) => c.key === `${names()[0]}-cert`)!;
    expect(cert.authKind).toBe('client-certificate');
  });

  it('attaches three clusters: client certificate, read-only viewer, token', async () => {
    const [a, b, c] = names();
    const res = (await dispatch('clusters.attach', {
      importId: inspection.importId,
      items: [
        { context: `${a}-cert`, name: 'alpha', labels: { env: 'prod', 'flotilla.io/protected': 'true' } },
        { context: `${b} (kubeconfig-viewer)`, name: 'bravo', description: 'read-only' },
        { context: `${c} (kubeconfig)`, name: 'charlie' },
        { context: `${c} (kubeconfig)`, name: 'Bad_Name' },
        { context: `${c} (kubeconfig)`, name: 'alpha' },
      ],
    })) as { results: Array<{ ok: boolean; message?: string }> };
    expect(res.results.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    expect(res.results[3]!.message).toMatch(/uppercase/);
    expect(res.results[4]!.message).toMatch(/attached already/);
    const ready = await until('three ready clusters', async () => {
      const page = await list();
      return page.items.filter((r) => r.status === 'ready' && r.cpu).length === 3 ? page : undefined;
    });
    expect(ready.items.map((r) => r.name)).toEqual(['alpha', 'bravo', 'charlie']);
  });

  it('shows the figures the sim reports', async () => {
    const contexts: Record<string, [string, string]> = {
      alpha: [sim.kubeconfigPath, `${names()[0]}-cert`],
      bravo: [sim.viewerKubeconfigPath, names()[1]!],
      charlie: [sim.kubeconfigPath, names()[2]!],
    };
    for (const [name, [file, ctx]] of Object.entries(contexts)) {
      const row = await until(`figures of ${name}`, async () => {
        const expected = await kubectlFigures(file, ctx);
        const r = (await list({ text: name })).items.find((x) => x.name === name)!;
        const same =
          r.nodes === expected.nodes &&
          Math.abs(r.cpu!.allocatable - expected.cpuAllocatable) < 1e-6 &&
          Math.abs(r.cpu!.requested - expected.cpuRequested) < 1e-3 &&
          r.memory!.allocatable === expected.memAllocatable &&
          r.memory!.requested === expected.memRequested &&
          r.version === expected.version;
        return same ? r : undefined;
      });
      expect(row.provider).not.toBe('unknown');
      expect(row.health).toBe('healthy');
    }
  });

  it('verifies what each credential may do', async () => {
    const rows = (await list()).items;
    const byName = (n: string) => rows.find((r) => r.name === n)!.id;
    const viewer = (await dispatch('clusters.verify', { id: byName('bravo') })) as {
      access: string;
      version: string;
    };
    expect(viewer.access).toBe('read-only');
    const admin = (await dispatch('clusters.verify', { id: byName('charlie') })) as {
      access: string;
      reachable: boolean;
    };
    expect(admin).toMatchObject({ access: 'full', reachable: true });
    const before = (await dispatch('clusters.verify', {
      importId: inspection.importId,
      context: `${names()[0]}-cert`,
    })) as { access: string };
    expect(before.access).toBe('full');
  });

  it('gives an overview with component and worker health', async () => {
    const id = (await list({ text: 'charlie' })).items[0]!.id;
    const o = (await dispatch('clusters.overview', { id })) as Json;
    expect(o.namespaces).toBeGreaterThan(0);
    expect(o.controlPlaneNodes + o.workerNodes).toBe(o.workers.total + o.controlPlaneNodes);
    expect(o.components.map((c: { name: string }) => c.name)).toEqual([
      'kube-apiserver',
      'etcd',
      'scheduler',
      'controller-manager',
    ]);
    expect(o.components[0].status).toBe('healthy');
    await dispatch('clusters.get', { id });
  });

  it('a cluster that stops answering goes unreachable; the others stay ready', async () => {
    await sim.admin.setFaults(names()[2]!, { unreachable: 'refuse' });
    const page = await until('charlie unreachable', async () => {
      const p = await list();
      return p.items.find((r) => r.name === 'charlie')?.status === 'unreachable' ? p : undefined;
    });
    const charlie = page.items.find((r) => r.name === 'charlie')!;
    expect(charlie.failure).toBe('refused');
    expect(charlie.health).toBe('critical');
    expect(page.items.filter((r) => r.name !== 'charlie').map((r) => r.status)).toEqual(['ready', 'ready']);
    const down = (await list({ status: ['unreachable'] })).items.map((r: ClusterRow) => r.name);
    expect(down).toEqual(['charlie']);
    await sim.admin.reset(names()[2]!);
    await dispatch('clusters.reconnect', { ids: [charlie.id] });
    await until('charlie back', async () =>
      (await list({ text: 'charlie' })).items[0]!.status === 'ready' ? true : undefined,
    );
  });

  it('groups, labels, moves and detaches (protected needs the typed name)', async () => {
    const g = (await dispatch('groups.create', {
      name: 'team-a',
      description: 'A team',
      labels: { owner: 'a' },
    })) as { id: string };
    const rows = (await list()).items;
    const ids = rows.map((r) => r.id);
    await dispatch('clusters.move', { ids: ids.slice(0, 2), groupId: g.id });
    await dispatch('clusters.update', { id: ids[2], labels: { env: 'dev' }, description: 'dev cluster' });
    const groups = (await dispatch('groups.list', {})) as Array<{
      name: string;
      clusters: number;
      nodes: number;
    }>;
    const teamA = groups.find((x) => x.name === 'team-a')!;
    expect(teamA.clusters).toBe(2);
    expect(teamA.nodes).toBe(rows[0]!.nodes! + rows[1]!.nodes!);
    await expect(dispatch('groups.delete', { id: g.id })).rejects.toThrow(/still has 2 clusters/);
    await dispatch('groups.update', { id: g.id, name: 'team-b' });
    expect(
      ((await dispatch('groups.delete', { id: g.id, moveClustersToDefault: true })) as { moved: number })
        .moved,
    ).toBe(2);
    expect((await list({ label: 'env=dev' })).items.map((r) => r.name)).toEqual(['charlie']);
    await expect(dispatch('clusters.detach', { ids: [ids[0]] })).rejects.toThrow(/protected/);
    await dispatch('clusters.detach', { ids: [ids[0]], confirmNames: ['alpha'] });
    expect((await list()).all).toBe(2);
  });

  it('lists ~/.kube/config or $KUBECONFIG and approves exec commands only after inspection', async () => {
    const prev = process.env.KUBECONFIG;
    process.env.KUBECONFIG = `${sim.kubeconfigPath}${path.delimiter}${path.join(tmp, 'missing')}`;
    try {
      const s = (await dispatch('kubeconfig.sources', {})) as {
        files: Array<{ exists: boolean }>;
        contexts: unknown[];
        fromEnv: boolean;
      };
      expect(s.fromEnv).toBe(true);
      expect(s.files.map((f) => f.exists)).toEqual([true, false]);
      expect(s.contexts).toHaveLength(4);
    } finally {
      process.env.KUBECONFIG = prev;
    }
    // A real exec plugin: a script that prints an ExecCredential with the first cluster's token.
    const plugin = path.join(tmp, 'get-token.sh');
    const credential = {
      apiVersion: 'client.authentication.k8s.io/v1',
      kind: 'ExecCredential',
      status: { token: sim.clusters[0]!.adminToken },
    };
    fs.writeFileSync(plugin, `#!/bin/sh\necho '${JSON.stringify(credential)}'\n`, { mode: 0o700 });
    const ca = (
      parse(fs.readFileSync(sim.kubeconfigPath, 'utf8')) as {
        clusters: Array<{ cluster: Record<string, string> }>;
      }
    ).clusters[0]!.cluster['certificate-authority-data'];
    const exec = `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "${sim.clusters[0]!.server}", certificate-authority-data: "${ca}"}}]
users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1, command: ${plugin}, args: ["--cluster", "one two"], interactiveMode: Never}}}]
contexts: [{name: e, context: {cluster: c, user: u}}]
`;
    const i = (await dispatch('kubeconfig.inspect', {
      texts: [{ label: 'pasted', text: exec }],
    })) as Inspection;
    expect(i.contexts[0]!.credentialCommand).toMatchObject({
      commandLine: `${plugin} --cluster 'one two'`,
      approved: false,
    });
    const refused = (await dispatch('clusters.attach', {
      importId: i.importId,
      items: [{ context: 'e', name: 'execy' }],
    })) as {
      results: Array<{ ok: boolean; message: string }>;
    };
    expect(refused.results[0]!.message).toMatch(/approve that command first/);
    const unapproved = (await dispatch('clusters.verify', { importId: i.importId, context: 'e' })) as {
      failure: string;
    };
    expect(unapproved.failure).toBe('not-approved');
    expect(await dispatch('execApprovals.approve', { importId: i.importId, context: 'e' })).toMatchObject({
      approved: true,
    });
    const ok = (await dispatch('clusters.attach', {
      importId: i.importId,
      items: [{ context: 'e', name: 'execy' }],
    })) as {
      results: Array<{ ok: boolean }>;
    };
    expect(ok.results[0]!.ok).toBe(true);
    await until('the exec-authenticated cluster ready', async () =>
      (await list({ text: 'execy' })).items[0]?.status === 'ready' ? true : undefined,
    );
  });

  it('starts the demo fleet as a separate process and attaches its contexts', async () => {
    const demo = (await dispatch('demo.start', {})) as { attached: string[]; kubeconfig: string };
    // One cluster per API server: tkg-01, tanzu-kubernetes and aks-prod-eastus (viewer and cert contexts share them).
    expect(demo.attached.length).toBe(3);
    expect(fs.existsSync(demo.kubeconfig)).toBe(true);
    demoKubeconfig = demo.kubeconfig;
  }, 90_000);

  it('never lets a token, key or certificate cross the contract', async () => {
    await new Promise((r) => setTimeout(r, 400)); // let batched events flush
    const called = new Set(transcript.map((t) => (JSON.parse(t) as { call?: string }).call).filter(Boolean));
    expect(Object.keys(fleetCalls).filter((c) => !called.has(c))).toEqual([]);
    const secrets = secretsOf([sim.kubeconfigPath, sim.viewerKubeconfigPath, demoKubeconfig]);
    expect(secrets.length).toBeGreaterThan(8);
    const all = transcript.join('\n');
    expect(transcript.length).toBeGreaterThan(30);
    for (const s of secrets) expect(all.includes(s), `secret ${s.slice(0, 12)}… crossed`).toBe(false);
  });
});
