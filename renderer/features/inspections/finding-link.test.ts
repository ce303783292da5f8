import { describe, expect, it } from 'vitest';
import type { InspectionFinding } from '../../../shared/contract/inspections';
import { parseHash } from '../../app/router';
import { parseYamlRoute, yamlHighlight } from '../yaml/route';
import { findingHref, objectText } from './finding-link';

const finding: InspectionFinding = {
  checkId: 'privilegeEscalationAllowed',
  set: 'polaris',
  title: 'Privilege escalation allowed',
  severity: 'danger',
  category: 'Security',
  message: 'Privilege escalation should not be allowed',
  remediation: 'Set allowPrivilegeEscalation: false',
  source: 'live',
  cluster: 'c-1',
  group: 'apps',
  version: 'v1',
  kind: 'Deployment',
  namespace: 'shop',
  name: 'web',
  path: 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
};

describe('finding links', () => {
  it('opens a live object in the YAML editor with its field highlighted', () => {
    const route = parseHash(findingHref(finding)!);
    if (route.kind !== 'section') throw new Error('no section');
    expect(route.section).toBe('workloads');
    expect(parseYamlRoute(route.path)).toEqual({
      cluster: 'c-1',
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
    });
    expect(yamlHighlight(route.path)).toBe(finding.path);
  });

  it('has no editor link for a snapshot, and no highlight for an empty path', () => {
    expect(findingHref({ ...finding, source: 'snapshot:s1' })).toBeUndefined();
    const route = parseHash(findingHref({ ...finding, path: '' })!);
    expect(route.kind === 'section' && yamlHighlight(route.path)).toBeUndefined();
  });

  it('names objects', () => {
    expect(objectText(finding)).toBe('Deployment shop/web');
    expect(objectText({ kind: 'ClusterRole', namespace: '', name: 'admin' })).toBe('ClusterRole admin');
  });
});
