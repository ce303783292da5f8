import { describe, expect, it } from 'vitest';
import { isFlotillaNamespace, isSystemNamespace, namespaceNameProblem } from './workspaces';

describe('namespaceNameProblem (RFC 1123 label)', () => {
  it.each(['a', 'shop', 'team-a-dev', '0abc', 'a1', 'x'.repeat(63)])('accepts %s', (name) => {
    expect(namespaceNameProblem(name)).toBeNull();
  });
  it.each([
    ['', /is empty/],
    ['x'.repeat(64), /64 characters long; at most 63/],
    ['Shop', /uppercase/],
    ['shop_dev', /contains "_"/],
    ['shop.dev', /contains "\."/],
    ['-shop', /start and end with a letter or digit/],
    ['shop-', /start and end with a letter or digit/],
    ['shop dev', /contains " "/],
  ])('refuses %j with a reason', (name, reason) => {
    expect(namespaceNameProblem(name)).toMatch(reason);
  });
});

describe('system and Flotilla namespaces', () => {
  it('kube-* and default are system namespaces; others are not', () => {
    expect(['default', 'kube-system', 'kube-public', 'kube-node-lease'].every(isSystemNamespace)).toBe(true);
    expect(['shop', 'kubernetes-dashboard', 'defaults', 'my-kube-system'].some(isSystemNamespace)).toBe(
      false,
    );
  });
  it('flotilla-* or the part-of label make a Flotilla namespace', () => {
    expect(isFlotillaNamespace('flotilla-system')).toBe(true);
    expect(isFlotillaNamespace('agents', { 'app.kubernetes.io/part-of': 'flotilla' })).toBe(true);
    expect(isFlotillaNamespace('flotillas')).toBe(false);
    expect(isFlotillaNamespace('shop', { 'app.kubernetes.io/part-of': 'shop' })).toBe(false);
  });
});
