import { describe, expect, it } from 'vitest';
import { describeExemption, emptyExemption, exemptionOf, type ExemptionDraft } from './exemption-form';

const d = (over: Partial<ExemptionDraft>): ExemptionDraft => ({ ...emptyExemption(), ...over });

describe('exemption form', () => {
  it('turns lists and pairs into an exemption, trimmed', () => {
    expect(
      exemptionOf(
        d({
          checks: ' hostPathSet , runAsRootAllowed',
          namespaces: 'kube-system,',
          labels: 'app=web, tier',
          annotations: 'owner = ops',
          reason: ' system pods ',
        }),
      ),
    ).toEqual({
      exemption: {
        checks: ['hostPathSet', 'runAsRootAllowed'],
        namespaces: ['kube-system'],
        labels: { app: 'web', tier: '*' },
        annotations: { owner: 'ops' },
        reason: 'system pods',
      },
    });
  });

  it.each([
    [d({ labels: 'app=' }), 'Labels: "app=" has no value; write app=* for any value.'],
    [d({ annotations: '=x' }), 'Annotations: "=x" is not key=value (or a key alone for any value).'],
    [d({ labels: 'a b=c' }), 'Labels: "a b=c" is not key=value (or a key alone for any value).'],
    [d({ checks: 'hostPathSet' }), 'Say what to exempt: namespaces, kinds, names, labels or annotations.'],
  ])('refuses %o', (draft, message) => {
    expect(exemptionOf(draft)).toEqual({ errors: [message] });
  });

  it('describes exemptions', () => {
    expect(describeExemption({ namespaces: ['kube-system'] })).toBe('Every check · namespaces kube-system');
    expect(describeExemption({ checks: ['a'], labels: { app: 'web', tier: '*' }, kinds: ['Pod'] })).toBe(
      'Checks a · kinds Pod · labels app=web, tier',
    );
  });
});
