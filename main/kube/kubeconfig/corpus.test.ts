/**
 * Every kubeconfig of the shared corpus (client-node-js, fabric8, headlamp, k9s), with what
 * a person reading the file expects: its contexts, each one's cluster, server, namespace,
 * auth kind, and the fields that make it unusable. Expectations were written by reading the
 * files (and checked against kubectl 1.32's own refusals where kubectl has one).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadKubeconfigFile, loadKubeconfigSet } from './discover';
import { KubeconfigError } from './errors';
import { resolveContexts } from './validate';
import { clientNodeCases } from './corpus-cases/client-node';
import { fabric8Cases } from './corpus-cases/fabric8';
import { headlampCases, k9sCases } from './corpus-cases/headlamp-k9s';
import { f8 } from './corpus-cases/types';

const here = path.dirname(fileURLToPath(import.meta.url));
export const corpus = path.resolve(here, '../../../../shared/corpus');

const cases = [...clientNodeCases, ...fabric8Cases, ...headlampCases, ...k9sCases];

/** Files in the corpus folders that are not kubeconfigs, and how each is refused. */
const notKubeconfigs: { file: string; code: KubeconfigError['code']; line: number }[] = [
  { file: `${f8}/serialization/invalid-yaml.yml`, code: 'NOT_A_KUBECONFIG', line: 17 },
  { file: `${f8}/serialization/test-list.yml`, code: 'WRONG_KIND', line: 19 },
  { file: `${f8}/serialization/test-configmap-manifest-bool-dateformat.yml`, code: 'WRONG_KIND', line: 18 },
  { file: 'k9s/internal/dao/testdata/benchspec.yaml', code: 'NOT_A_KUBECONFIG', line: 1 },
];

const uniqueSorted = (xs: string[]) => [...new Set(xs)].sort();

describe('corpus kubeconfigs', () => {
  it.each(cases)('$file', (c) => {
    const file = path.join(corpus, c.file);
    const set = loadKubeconfigSet([file]);
    expect(set.failures).toEqual([]);
    expect(set.merged.currentContext).toBe(c.current);
    const resolved = resolveContexts(set.merged, { now: new Date('2026-12-04T00:00:00Z') });
    expect(resolved.map((r) => r.name)).toEqual(Object.keys(c.contexts));
    for (const r of resolved) {
      const want = c.contexts[r.name]!;
      const errors = r.problems.filter((p) => p.severity === 'error');
      expect({
        name: r.name,
        cluster: r.cluster?.name,
        server: r.server,
        ns: r.namespace,
        auth: r.auth.kind,
        errors: uniqueSorted(errors.map((e) => e.field)),
      }).toEqual({
        name: r.name,
        cluster: want.cluster,
        server: want.server,
        ns: want.ns,
        auth: want.auth,
        errors: uniqueSorted(want.errors),
      });
      expect(r.ok).toBe(want.errors.length === 0);
      for (const e of errors) {
        // every error names the file and line it is about
        expect(e.message).toMatch(/\(\/.+:\d+\)$/);
        expect(e.file).toMatch(/^\//);
      }
    }
    expect(set.merged.problems.length).toBe(c.fileProblems ?? 0);
  });

  it('covers every kubeconfig-looking file in the four corpus folders', () => {
    const listed = new Set([...cases.map((c) => c.file), ...notKubeconfigs.map((n) => n.file)]);
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(corpus, dir), { withFileTypes: true })) {
        const rel = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(rel);
        else if (/kubeconfig|kube-config|config|\.ya?ml$/i.test(entry.name) || /^config/.test(entry.name)) {
          const text = fs.readFileSync(path.join(corpus, rel), 'utf8');
          if (
            /^(clusters|contexts|users|current-context|kind: Config)/m.test(text) ||
            entry.name.includes('kubeconfig')
          )
            found.push(rel);
        }
      }
    };
    for (const dir of ['client-node-js', f8, 'headlamp', 'k9s']) walk(dir);
    const missing = found.filter((f) => !listed.has(f));
    expect(missing).toEqual([]);
    expect(found.length).toBeGreaterThan(60);
  });

  it.each(notKubeconfigs)('refuses $file as $code at line $line', ({ file, code, line }) => {
    const abs = path.join(corpus, file);
    let caught: unknown;
    try {
      loadKubeconfigFile(abs);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(KubeconfigError);
    const e = caught as KubeconfigError;
    expect(e.code).toBe(code);
    expect(e.line).toBe(line);
    expect(e.message.startsWith(`${abs}:${line}`)).toBe(true);
  });
});
