/** kube-sim judged by the real kubectl: corpus manifests, get/scale/label/patch/watch/delete, SSA, auth, explain, top. */
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../index';
import { kubectlRunner, requireKubectl, type KubectlResult } from '../testing/kubectl';

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
let sim: SimHandle;
let kubectl: ReturnType<typeof kubectlRunner>;
let clientMinor = 99;

const ok = (r: KubectlResult): string => {
  if (r.code !== 0) throw new Error(`kubectl failed (${r.code}): ${r.stderr}\n${r.stdout}`);
  return r.stdout;
};

async function eventually(fn: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('condition not met in time');
}

beforeAll(async () => {
  const version = requireKubectl();
  const m = /Client Version: (?:version\.Info\{.*?GitVersion:"|)v1\.(\d+)/.exec(version);
  clientMinor = Number(m?.[1] ?? 99);
  sim = await startSim({
    outDir: mkdtempSync(join(tmpdir(), 'kube-sim-kubectl-')),
    clusters: 1,
    nodes: 3,
    pods: 6,
    seed: 7,
  });
  kubectl = kubectlRunner(sim.kubeconfigPath);
});
afterAll(async () => {
  await sim?.stop();
});

describe('kubectl against kube-sim', () => {
  it('applies the corpus manifests (multi-document files and a directory) and re-applies without change', async () => {
    const boutique = join(CORPUS, 'online-boutique/release/kubernetes-manifests.yaml');
    const docs = readFileSync(boutique, 'utf8')
      .split(/^---$/m)
      .filter((d) => /^kind:/m.test(d)).length;
    const out = ok(await kubectl(['apply', '-f', boutique]));
    expect(
      out
        .trim()
        .split('\n')
        .filter((l) => l.endsWith(' created')),
    ).toHaveLength(docs);
    expect(ok(await kubectl(['apply', '-f', boutique]))).not.toMatch(/created|configured/);
    ok(await kubectl(['create', 'namespace', 'acme']));
    const acme = ok(
      await kubectl(['apply', '-n', 'acme', '-f', join(CORPUS, 'acme-fitness/kubernetes-manifests')]),
    );
    expect(acme).toContain('deployment.apps/cart created');
    expect(readdirSync(join(CORPUS, 'acme-fitness/kubernetes-manifests')).length).toBeGreaterThan(5);
    ok(await kubectl(['create', 'namespace', 'aks']));
    const aks = ok(
      await kubectl(['apply', '-n', 'aks', '-f', join(CORPUS, 'aks-store-demo/aks-store-all-in-one.yaml')]),
    );
    expect(aks).toMatch(/statefulset\.apps\/\S+ created/);
    expect(aks).toContain('deployment.apps/store-front created');
  });

  it('lists everything with get -A -o wide, and rolls out', async () => {
    const wide = ok(await kubectl(['get', 'pods', '-A', '-o', 'wide']));
    expect(wide.split('\n')[0]).toMatch(
      /^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES/,
    );
    expect(ok(await kubectl(['get', 'deploy', '-A', '-o', 'wide']))).toMatch(/acme\s+cart\s+/);
    expect(ok(await kubectl(['rollout', 'status', 'deployment/frontend', '--timeout=60s']))).toContain(
      'successfully rolled out',
    );
  });

  it('scales, labels and patches', async () => {
    ok(await kubectl(['scale', 'deployment/cartservice', '--replicas=3']));
    ok(await kubectl(['label', 'deployment/cartservice', 'tier=backend']));
    ok(
      await kubectl([
        'patch',
        'deployment/cartservice',
        '-p',
        '{"spec":{"template":{"metadata":{"annotations":{"sim/touched":"yes"}}}}}',
      ]),
    );
    ok(
      await kubectl([
        'patch',
        'service/cartservice',
        '--type=json',
        '-p',
        '[{"op":"add","path":"/metadata/labels","value":{"x":"y"}}]',
      ]),
    );
    const got = ok(
      await kubectl([
        'get',
        'deployment/cartservice',
        '-o',
        'jsonpath={.spec.replicas} {.metadata.labels.tier} {.spec.template.metadata.annotations.sim/touched}',
      ]),
    );
    expect(got).toBe('3 backend yes');
    ok(await kubectl(['autoscale', 'deployment/cartservice', '--min=1', '--max=4', '--cpu-percent=70']));
    expect(
      ok(
        await kubectl([
          'get',
          'hpa.v1.autoscaling',
          'cartservice',
          '-o',
          'jsonpath={.spec.targetCPUUtilizationPercentage}',
        ]),
      ),
    ).toBe('70');
    expect(
      ok(
        await kubectl([
          'get',
          'hpa.v2.autoscaling',
          'cartservice',
          '-o',
          'jsonpath={.spec.metrics[0].resource.target.averageUtilization}',
        ]),
      ),
    ).toBe('70');
  });

  it('watches with get -w until the request timeout', async () => {
    const watching = kubectl(['get', 'configmaps', '-w', '--request-timeout=4s'], { timeoutMs: 20_000 });
    await new Promise((r) => setTimeout(r, 1500));
    ok(await kubectl(['create', 'configmap', 'seen-by-watch', '--from-literal=a=b']));
    const r = await watching;
    expect(r.stdout).toMatch(/^NAME\s+DATA\s+AGE/);
    expect(r.stdout).toContain('seen-by-watch');
  });

  it('answers auth can-i truthfully for the admin and the read-only user', async () => {
    expect(ok(await kubectl(['auth', 'can-i', 'create', 'deployments']))).toBe('yes\n');
    const viewer = `${sim.clusters[0].name}-viewer`;
    const no = await kubectl(['auth', 'can-i', 'create', 'deployments', '--user', viewer]);
    expect(no.stdout).toBe('no\n');
    expect(no.code).toBe(1);
    expect(ok(await kubectl(['auth', 'can-i', 'list', 'pods', '--user', viewer]))).toBe('yes\n');
    const denied = await kubectl(['delete', 'configmap', 'seen-by-watch', '--user', viewer]);
    expect(denied.stderr).toContain('Forbidden');
    // Impersonation: the admin may act as a service account, which has no rights yet.
    expect(
      (await kubectl(['auth', 'can-i', 'list', 'pods', '--as=system:serviceaccount:default:robot'])).stdout,
    ).toBe('no\n');
    expect((await kubectl(['get', 'pods', '--user', viewer, '--as=someone'])).stderr).toContain(
      'cannot impersonate',
    );
  });

  it('applies server-side, reports a conflict, and forces it', async () => {
    const file = join(CORPUS, 'aks-store-demo/aks-store-all-in-one.yaml');
    ok(await kubectl(['create', 'namespace', 'ssa']));
    expect(ok(await kubectl(['apply', '--server-side', '-n', 'ssa', '-f', file]))).toContain(
      'serverside-applied',
    );
    ok(await kubectl(['scale', '-n', 'ssa', 'deployment/store-front', '--replicas=4']));
    const clash = await kubectl(['apply', '--server-side', '-n', 'ssa', '-f', file]);
    expect(clash.code).not.toBe(0);
    expect(clash.stderr).toContain('conflict');
    ok(await kubectl(['apply', '--server-side', '--force-conflicts', '-n', 'ssa', '-f', file]));
    expect(
      ok(await kubectl(['get', '-n', 'ssa', 'deployment/store-front', '-o', 'jsonpath={.spec.replicas}'])),
    ).toBe('1');
  });

  it('moves from client-side to server-side apply of the same manifest without conflicts', async () => {
    // The live objects carry server defaults (imagePullPolicy, ports[].protocol…) the manifest lacks.
    const boutique = join(CORPUS, 'online-boutique/release/kubernetes-manifests.yaml');
    ok(await kubectl(['create', 'namespace', 'csa']));
    ok(await kubectl(['apply', '-n', 'csa', '-f', boutique]));
    const ssa = await kubectl(['apply', '--server-side', '-n', 'csa', '-f', boutique]);
    expect(ssa.stderr).toBe('');
    expect(ssa.stdout).toContain('deployment.apps/frontend serverside-applied');
  });

  it('explains pods (kubectl >= 1.27 reads OpenAPI v3) and shows node metrics', async () => {
    if (clientMinor >= 27) {
      const explain = ok(await kubectl(['explain', 'pods']));
      expect(explain).toMatch(/KIND:\s+Pod/);
      expect(ok(await kubectl(['explain', 'pods.spec.containers']))).toMatch(/FIELD:\s+containers/);
    }
    await eventually(async () => {
      const top = await kubectl(['top', 'nodes']);
      return top.code === 0 && /CPU/.test(top.stdout) && top.stdout.trim().split('\n').length === 4;
    });
  });

  it('rejects bad manifests like a real API server', async () => {
    const noContainers = await kubectl(['apply', '-f', '-'], {
      input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: empty\nspec:\n  containers: []\n',
    });
    expect(noContainers.stderr).toMatch(/spec\.containers: Required value/);
    const unknown = await kubectl(['apply', '-f', '-'], {
      input: 'apiVersion: example.com/v1\nkind: Gizmo\nmetadata:\n  name: g\n',
    });
    expect(unknown.stderr).toMatch(/no matches for kind "Gizmo"/);
  });

  it('serves custom resources once their CRD exists', async () => {
    ok(
      await kubectl(['apply', '-f', '-'], {
        input: `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: { plural: widgets, singular: widget, kind: Widget, shortNames: [wd] }
  versions:
  - name: v1
    served: true
    storage: true
    schema: { openAPIV3Schema: { type: object, x-kubernetes-preserve-unknown-fields: true } }
    additionalPrinterColumns:
    - { name: Size, type: integer, jsonPath: .spec.size }
`,
      }),
    );
    await eventually(
      async () =>
        (
          await kubectl(['apply', '-f', '-'], {
            input: 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w1\nspec:\n  size: 3\n',
          })
        ).code === 0,
      15_000,
    );
    expect(ok(await kubectl(['get', 'wd']))).toMatch(/^NAME\s+SIZE\s+AGE\nw1\s+3\s+/);
    ok(await kubectl(['delete', 'crd', 'widgets.example.com']));
  });

  it('deletes a namespace and everything in it', async () => {
    ok(await kubectl(['delete', 'namespace', 'acme', '--timeout=30s']));
    const gone = await kubectl(['get', 'namespace', 'acme']);
    expect(gone.stderr).toContain('NotFound');
    expect(ok(await kubectl(['get', 'deploy', '-n', 'acme']))).toBe('');
  });
});
