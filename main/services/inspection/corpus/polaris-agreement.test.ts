/**
 * Agreement with Polaris' own fixtures (../shared/corpus/polaris/EXPECTED-polaris.tsv).
 *
 * Each test/checks/<check>/<file> row is imported as its own source and inspected with that one check:
 * success* and mutated* (the output of `polaris fix`, which must then pass) expect no finding, failure*
 * expects one. Webhook rows expect REJECT when any danger finding exists with the default configuration.
 *
 * Folders with a check.yaml (nakedPod, oneController, resourceRange) test Polaris' *custom checks*: the
 * check.yaml is loaded as a Flotilla custom check (same format) and run alone.
 *
 * Remaining disagreements: none (348 of 348 rows agree).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importManifests } from '../../importer';
import { MemoryObjectReader } from '../../objects-memory/memory-reader';
import { builtInChecks } from '../catalog';
import { runInspection } from '../engine';
import type { CustomCheckSpec } from '../types';

const root = path.resolve(__dirname, '../../../../../shared/corpus/polaris');
const rows = fs
  .readFileSync(path.join(root, 'EXPECTED-polaris.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t') as [string, string, string]);

/** The agreement reached; the test fails if a change lowers it. */
const minimumAgreement = 348;

async function verdict(check: string, file: string): Promise<string> {
  const imported = await importManifests([path.join(root, file)]);
  expect(imported.issues.filter((i) => i.level === 'error')).toEqual([]);
  const reader = new MemoryObjectReader(imported.objects);
  if (check.startsWith('(webhook')) {
    const r = await runInspection({ reader, checks: builtInChecks, config: { sets: ['polaris'] } });
    return r.findings.some((f) => f.severity === 'danger') ? 'REJECT' : 'ADMIT';
  }
  const customFile = path.join(root, path.dirname(file), 'check.yaml');
  if (fs.existsSync(customFile)) {
    const spec = parse(fs.readFileSync(customFile, 'utf8')) as CustomCheckSpec;
    const r = await runInspection({ reader, checks: [], config: { customChecks: { [check]: spec } } });
    return r.findings.length ? 'FAIL' : 'PASS';
  }
  const checks = builtInChecks.filter((c) => c.id === check);
  if (!checks.length) return 'NO-CHECK';
  const r = await runInspection({ reader, checks });
  return r.findings.length ? 'FAIL' : 'PASS';
}

describe('Polaris fixtures agreement', () => {
  it(`agrees on at least ${minimumAgreement} of ${rows.length} rows`, async () => {
    let agree = 0;
    const disagreements: string[] = [];
    for (const [check, file, expected] of rows) {
      const want = expected === 'MUTATION-RESULT' ? 'PASS' : expected;
      const got = await verdict(check, file);
      if (got === want) agree++;
      else disagreements.push(`${file}: expected ${want}, got ${got}`);
    }
    const rate = ((100 * agree) / rows.length).toFixed(1);
    process.stdout.write(`Polaris agreement: ${agree}/${rows.length} (${rate}%)\n`);
    expect(disagreements).toEqual([]);
    expect(agree).toBeGreaterThanOrEqual(minimumAgreement);
  });

  it('covers every check id in polaris-check-ids.tsv', () => {
    const ids = fs
      .readFileSync(path.resolve(__dirname, '../../../../../shared/specs/polaris-check-ids.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split('\t') as [string, string, string]);
    for (const [id, severity, category] of ids) {
      const c = builtInChecks.find((x) => x.id === id);
      expect(c, id).toBeDefined();
      expect({ id, severity: c!.severity, category: c!.category }).toEqual({ id, severity, category });
    }
  });
});
