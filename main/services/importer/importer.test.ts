import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importManifests, loadManifests, parseManifestText } from './index';
import { defaultLimits } from './types';

const corpus = path.resolve(__dirname, '../../../../shared/corpus');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'flotilla-import-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('parseManifestText', () => {
  const cases: Array<{ name: string; text: string; objects: number; issues: string[] }> = [
    {
      name: 'multi-document with comments',
      text: '# c\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# only a comment\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n',
      objects: 2,
      issues: [],
    },
    {
      name: 'List expanded',
      text: 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n',
      objects: 2,
      issues: [],
    },
    {
      name: 'typed API list: items inherit kind and apiVersion',
      text: '{"apiVersion":"apps/v1","kind":"DeploymentList","metadata":{"resourceVersion":"9"},"items":[{"metadata":{"name":"a","namespace":"x"}},{"metadata":{"name":"b","namespace":"x"}}]}',
      objects: 2,
      issues: [],
    },
    {
      name: 'a kubeconfig is a warning, not a broken object',
      text: 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n',
      objects: 0,
      issues: ['not-kubernetes@1'],
    },
    {
      name: 'JSON',
      text: '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}',
      objects: 1,
      issues: [],
    },
    {
      name: 'non-Kubernetes YAML reported',
      text: 'foo: 1\nbar: 2\n',
      objects: 0,
      issues: ['not-kubernetes@1'],
    },
    {
      name: 'missing name',
      text: 'apiVersion: v1\nkind: Pod\nmetadata: {}\n',
      objects: 0,
      issues: ['missing-name@1'],
    },
    {
      name: 'broken document does not stop the others',
      text: 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: [oops\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: c}\n',
      objects: 2,
      issues: ['parse-error@8'],
    },
    {
      name: 'duplicate keys are an error (as kubectl)',
      text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {}\nspec: {}\n',
      objects: 0,
      issues: ['parse-error@5'],
    },
    {
      name: 'unrendered template key',
      text: 'apiVersion: v1\nkind: Secret\nmetadata: {name: a}\ndata:\n  config: {{x}}\n',
      objects: 0,
      issues: ['parse-error@5'],
    },
    {
      name: 'kustomization object',
      text: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n',
      objects: 0,
      issues: [],
    },
  ];
  it.each(cases)('$name', ({ text, objects, issues }) => {
    const out = parseManifestText(text, 'f.yaml');
    expect(out.objects).toHaveLength(objects);
    expect(out.issues.map((i) => `${i.code}@${i.line}`)).toEqual(issues);
    for (const i of out.issues) expect(i.file).toBe('f.yaml');
  });

  it('gives typed list items their kind', () => {
    const out = parseManifestText(
      'apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: p1}\n- kind: Pod\n  apiVersion: v1\n  metadata: {name: p2}\n',
      'pods.yaml',
    );
    expect(
      out.objects.map((o) => `${o.object.apiVersion} ${o.object.kind} ${o.object.metadata?.name}`),
    ).toEqual(['v1 Pod p1', 'v1 Pod p2']);
    expect(out.issues).toEqual([]);
  });

  it('reads CRLF line ends and a byte-order mark', () => {
    const text = '\uFEFFapiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: crlf\r\n';
    const out = parseManifestText(text, 'w.yaml');
    expect(out.issues).toEqual([]);
    expect(out.objects.map((o) => o.object.metadata?.name)).toEqual(['crlf']);
    const json = parseManifestText(
      '\uFEFF{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"j"}}',
      'w.json',
    );
    expect(json.objects).toHaveLength(1);
  });

  it('caps the number of objects per file with a clear message', () => {
    const doc = (i: number) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: n${i}}\n`;
    const out = parseManifestText([0, 1, 2, 3].map(doc).join('---\n'), 'many.yaml', {
      ...defaultLimits,
      maxObjectsPerFile: 2,
    });
    expect(out.objects).toHaveLength(2);
    expect(out.issues).toHaveLength(1);
    expect(out.issues[0]).toMatchObject({ code: 'too-many-objects', line: 9 });
  });

  it('expands merge keys', () => {
    const out = parseManifestText(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  base: &b {x: "1"}\n  more:\n    <<: *b\n    y: "2"\n',
      'm.yaml',
    );
    expect((out.objects[0]!.object as { data: unknown }).data).toEqual({
      base: { x: '1' },
      more: { x: '1', y: '2' },
    });
  });

  it('names the column of a syntax error', () => {
    const out = parseManifestText(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   bad: indent\n',
      'x.yaml',
    );
    expect(out.issues[0]).toMatchObject({ code: 'parse-error', file: 'x.yaml', line: 4 });
    expect(out.issues[0]!.column).toBeGreaterThan(0);
  });

  it('refuses a billion-laughs alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(96 + i))
          .join(',')}]`,
      );
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${lines.map((l) => '  ' + l).join('\n')}\n`;
    const out = parseManifestText(text, 'bomb.yaml');
    expect(out.objects).toHaveLength(0);
    expect(out.issues[0]).toMatchObject({ code: 'alias-bomb', level: 'error', line: 1 });
  });

  it('refuses deep nesting without crashing (flow, block and JSON)', () => {
    const flow = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const json = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"d"},"x":${'['.repeat(100000)}${']'.repeat(100000)}}`;
    let block = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\nx:\n';
    for (let i = 1; i < 400; i++) block += `${' '.repeat(i)}k:\n`;
    for (const text of [flow, json, block]) {
      const out = parseManifestText(text, 'deep.yaml');
      expect(out.objects).toHaveLength(0);
      expect(out.issues.map((i) => i.code)).toContain('too-deep');
    }
  });
});

describe('loadManifests on hostile files', () => {
  it('reports binary, too-large, symlink loops and kustomization files, and still loads the good file', async () => {
    const dir = path.join(tmp, 'hostile');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'good.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ok}\n');
    fs.writeFileSync(path.join(dir, 'bin.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    fs.writeFileSync(
      path.join(dir, 'big.yaml'),
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {x: "${'a'.repeat(5000)}"}\n`,
    );
    fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: [good.yaml]\n');
    fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
    fs.symlinkSync(path.join(dir, 'self-a'), path.join(dir, 'self-b'));
    fs.symlinkSync(path.join(dir, 'self-b'), path.join(dir, 'self-a'));
    const res = await loadManifests([dir], { limits: { maxFileBytes: 1000 } });
    expect(res.objects.map((o) => o.object.metadata?.name)).toEqual(['ok']);
    const byFile = Object.fromEntries(res.issues.map((i) => [path.basename(i.file), i.code]));
    expect(byFile).toMatchObject({
      'bin.yaml': 'binary',
      'big.yaml': 'too-large',
      loop: 'symlink-loop',
      'self-a': 'symlink-loop',
    });
    expect(res.issues.find((i) => i.code === 'too-large')!.message).toMatch(/over the 1000-byte limit/);
    expect(res.skipped.map((s) => path.basename(s.file))).toContain('kustomization.yaml');
  });

  it('reports a missing path', async () => {
    const res = await loadManifests([path.join(tmp, 'nope.yaml')]);
    expect(res.issues[0]).toMatchObject({ code: 'unreadable' });
  });
});

/**
 * Object counts per corpus folder, established from the corpus' own per-file inventory (SOURCES.md lists the
 * objects of every file) and by reading the files where the two disagree:
 *  - k8s-examples: SOURCES.md lists 283 objects; 5 files repeat a mapping key (openshift-origin/etcd-controller,
 *    etcd-discovery-controller, openshift-controller: `selector` twice; quobyte-admin-secret: `type` twice;
 *    scaleio/sc-pvc) — kubectl rejects those, so do we; the two scheduler-policy JSON files are config files
 *    with kind Policy and no metadata.name — not API objects. 283 − 7 = 276. The 4 vitess/newrelic templates
 *    contain `{{ … }}` and are errors (SOURCES.md: "does not parse").
 *  - online-boutique: 58 objects in per-service files + 35 in release/kubernetes-manifests.yaml = 93.
 *  - aks-store-demo: 18 in the kustomize base and single files + 19 + 12 + 8 in the bundles = 57.
 *  - acme-fitness: 31 (15 files of Service+Deployment pairs and 2 ConfigMaps + jaeger's 5, see SOURCES.md).
 *  - kubectl/testdata: 38 (the 3 OpenAPI documents are not objects and are reported as non-Kubernetes).
 */
const corpusCases = [
  {
    dir: 'online-boutique',
    objects: 93,
    errors: [] as string[],
  },
  { dir: 'acme-fitness', objects: 31, errors: [] },
  { dir: 'aks-store-demo', objects: 57, errors: [] },
  {
    dir: 'k8s-examples',
    objects: 276,
    errors: [
      '_archived/newrelic-infrastructure/newrelic-config-template.yaml:parse-error',
      '_archived/newrelic/newrelic-config-template.yaml:parse-error',
      '_archived/openshift-origin/etcd-controller.yaml:parse-error',
      '_archived/openshift-origin/etcd-discovery-controller.yaml:parse-error',
      '_archived/openshift-origin/openshift-controller.yaml:parse-error',
      '_archived/persistent-volume-provisioning/quobyte/quobyte-admin-secret.yaml:parse-error',
      '_archived/scheduler-policy/scheduler-policy-config-with-extender.json:missing-name',
      '_archived/scheduler-policy/scheduler-policy-config.json:missing-name',
      '_archived/storage/vitess/etcd-controller-template.yaml:parse-error',
      '_archived/storage/vitess/etcd-service-template.yaml:parse-error',
      '_archived/storage/vitess/vtgate-controller-template.yaml:parse-error',
      '_archived/volumes/scaleio/sc-pvc.yaml:parse-error',
    ],
  },
  { dir: 'kubectl/testdata', objects: 38, errors: [] },
];

describe('corpus import', () => {
  it.each(corpusCases)('$dir: $objects objects and the expected errors', async ({ dir, objects, errors }) => {
    const root = path.join(corpus, dir);
    const loaded = await loadManifests([root]);
    expect(loaded.objects).toHaveLength(objects);
    const errs = [
      ...new Set(
        loaded.issues
          .filter((i) => i.level === 'error')
          .map((i) => `${path.relative(root, i.file)}:${i.code}`),
      ),
    ];
    expect(errs.sort()).toEqual([...errors].sort());
    for (const i of loaded.issues.filter((x) => x.code === 'parse-error')) expect(i.line).toBeGreaterThan(0);

    const imported = await importManifests([root], { sourceId: 'manifests:test' });
    const dups = imported.issues.filter((i) => i.code === 'duplicate').length;
    expect(imported.objects.length + dups).toBe(objects);
    expect(imported.inventory.total).toBe(imported.objects.length);
    expect(Object.values(imported.inventory.byKind).reduce((a, b) => a + b, 0)).toBe(imported.objects.length);
  });

  it('online-boutique inventory by kind', async () => {
    const res = await importManifests([path.join(corpus, 'online-boutique/kubernetes-manifests')]);
    // 11 services + redis-cart: Deployment; frontend has frontend-external too; loadgenerator has no Service.
    expect(res.inventory.byKind).toMatchObject({ Deployment: 12, Service: 12, ServiceAccount: 11 });
    expect(res.objects.every((o) => o.source.startsWith('manifests:') && o.namespace === 'default')).toBe(
      true,
    );
  });
});
