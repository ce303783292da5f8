import { describe, expect, it } from 'vitest';

import { validate } from './json-schema';
import { parseQuantity } from '../../../../shared/nodes/quantity';
import { findingsOfConfig, pod, withContainer } from '../checks/test-helpers';
import { parseInspectionConfig } from '../config-schema';

describe('quantities', () => {
  it.each([
    ['100m', 0.1],
    ['1.5', 1.5],
    ['128Mi', 128 * 2 ** 20],
    ['6G', 6e9],
    [104857600, 104857600],
    ['1e3', 1000],
  ] as Array<[string | number, number]>)('%s → %d', (q, n) => expect(parseQuantity(q)).toBeCloseTo(n));
  it('rejects junk', () => expect(parseQuantity('12 apples')).toBeNaN());
});

describe('JSON schema subset', () => {
  const cases: Array<[string, unknown, unknown, string | null]> = [
    ['type', { type: 'string' }, 3, ''],
    ['required names the missing field', { type: 'object', required: ['a'] }, {}, 'a'],
    ['nested const', { properties: { a: { properties: { b: { const: 1 } } } } }, { a: { b: 2 } }, 'a.b'],
    ['enum ok', { enum: ['x', 'y'] }, 'y', null],
    ['items', { items: { type: 'integer' } }, [1, 'x'], '[1]'],
    ['pattern', { pattern: '^v\\d' }, 'latest', ''],
    ['anyOf', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, 2, null],
    ['not', { not: { const: 'root' } }, 'root', ''],
    ['resource range', { resourceMinimum: '100m', resourceMaximum: '2' }, '3', ''],
    ['resource range ok', { resourceMinimum: '100Mi', resourceMaximum: '6G' }, '250Mi', null],
  ];
  it.each(cases)('%s', (_n, schema, value, failPath) => {
    const f = validate(schema, value);
    expect(f === null ? null : f.path).toBe(failPath);
  });
});

describe('custom checks', () => {
  const nameLabel = {
    failureMessage: 'name label must match',
    target: 'Pod',
    schema: {
      properties: {
        metadata: {
          required: ['labels'],
          properties: {
            labels: {
              required: ['app.kubernetes.io/name'],
              properties: { 'app.kubernetes.io/name': { const: '{{ .metadata.name }}' } },
            },
          },
        },
      },
    },
  };
  const cpuRange = {
    failureMessage: 'cpu limit out of range',
    category: 'Resources',
    target: 'Container',
    containers: { exclude: ['initContainer'] },
    schema: {
      required: ['resources'],
      properties: {
        resources: {
          properties: {
            limits: { required: ['cpu'], properties: { cpu: { type: 'string', resourceMaximum: '2' } } },
          },
        },
      },
    },
  };
  it('templates the schema with the object and reports the path', async () => {
    const bad = await findingsOfConfig(
      [pod({}, { name: 'web', labels: { 'app.kubernetes.io/name': 'other' } })],
      { customChecks: { nameLabel } },
    );
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({
      checkId: 'nameLabel',
      path: 'metadata.labels.app.kubernetes.io/name',
      set: 'polaris',
      severity: 'warning',
    });
    const good = await findingsOfConfig(
      [pod({}, { name: 'web', labels: { 'app.kubernetes.io/name': 'web' } })],
      { customChecks: { nameLabel } },
    );
    expect(good).toHaveLength(0);
  });
  it('checks containers, treating numeric quantities as Polaris does', async () => {
    const high = await findingsOfConfig([withContainer({ resources: { limits: { cpu: 3 } } })], {
      customChecks: { cpuRange },
    });
    expect(high.map((f) => [f.category, f.path])).toEqual([
      ['Efficiency', 'spec.containers[0].resources.limits.cpu'],
    ]);
    expect(
      await findingsOfConfig([withContainer({ resources: { limits: { cpu: 1.5 } } })], {
        customChecks: { cpuRange },
      }),
    ).toHaveLength(0);
  });
  it('can be given in a config file and honours severity overrides', async () => {
    const parsed = parseInspectionConfig({
      customChecks: { nameLabel },
      checks: { nameLabel: { severity: 'danger' } },
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const f = await findingsOfConfig([pod({}, { name: 'web' })], parsed.config);
    expect(f.map((x) => x.severity)).toEqual(['danger']);
    expect(parseInspectionConfig({ customChecks: { x: { target: 'Pod', schema: {} } } })).toMatchObject({
      ok: false,
      error: expect.stringContaining('customChecks.x.failureMessage'),
    });
  });
});
