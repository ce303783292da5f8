import { describe, expect, it } from 'vitest';
import { labelProblem, nameProblem, suggestName, uniqueName } from './names';

describe('cluster name rule', () => {
  it.each(['a', 'tkg-01', 'prod-eu-west-1', '0abc', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(nameProblem(name)).toBeNull();
  });

  it.each([
    ['', /empty/],
    ['Prod', /uppercase/],
    ['-prod', /start and end/],
    ['prod-', /start and end/],
    ['my_cluster', /"_"/],
    ['a.b', /"\."/],
    ['a b', /" "/],
    ['a'.repeat(64), /64 characters/],
  ])('refuses %j with a reason', (name, reason) => {
    expect(nameProblem(name)).toMatch(reason);
  });

  it('suggests a valid name for any context name', () => {
    const contexts = [
      'arn:aws:eks:eu-west-1:123456789012:cluster/Prod_EU',
      'kind-kind',
      'gke_my-project_europe-west1-b_cluster-1',
      'docker-desktop',
      'admin@kubernetes',
      '---',
      'Ünïcode Context',
    ];
    for (const c of contexts) expect(nameProblem(suggestName(c)), c).toBeNull();
    expect(suggestName('arn:aws:eks:eu-west-1:123456789012:cluster/Prod_EU')).toBe('prod-eu');
    expect(suggestName('admin@kubernetes')).toBe('admin-kubernetes');
  });

  it('makes names unique', () => {
    expect(uniqueName('dev', new Set(['dev', 'dev-2']))).toBe('dev-3');
    expect(uniqueName('dev', new Set())).toBe('dev');
    const long = 'a'.repeat(63);
    const next = uniqueName(long, new Set([long]));
    expect(next.length).toBeLessThanOrEqual(63);
    expect(nameProblem(next)).toBeNull();
  });
});

describe('label rule', () => {
  it.each([
    ['env', 'prod'],
    ['flotilla.io/protected', 'true'],
    ['cloud', ''],
  ])('accepts %s=%s', (k, v) => expect(labelProblem(k, v)).toBeNull());

  it.each([
    ['', 'x'],
    ['a/b/c', 'x'],
    ['env', 'has space'],
    ['-env', 'x'],
    ['Bad_Prefix/x', 'y'],
  ])('refuses %j=%j', (k, v) => expect(labelProblem(k, v)).not.toBeNull());
});
