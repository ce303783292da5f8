import { describe, expect, it } from 'vitest';
import { parseSelector } from '../objects/selector';
import { childrenLink, ownerLink, parseOwner, selectorText } from './links';

describe('workload links', () => {
  it('writes a LabelSelector in kubectl syntax the selector parser accepts', () => {
    const text = selectorText({
      matchLabels: { app: 'web', tier: 'front' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'stage'] },
        { key: 'track', operator: 'NotIn', values: ['canary'] },
        { key: 'release', operator: 'Exists' },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    });
    expect(text).toBe('app=web, tier=front, env in (prod, stage), track notin (canary), release, !legacy');
    expect(parseSelector(text)).toHaveLength(6);
    expect(selectorText(undefined)).toBe('');
  });

  it.each([
    [
      'Deployment',
      { spec: { selector: { matchLabels: { app: 'web' } } } },
      { slug: 'pods', labelSelector: 'app=web' },
    ],
    ['StatefulSet', {}, { slug: 'pods', owner: 'StatefulSet/x' }],
    ['Job', {}, { slug: 'pods', owner: 'Job/x' }],
    ['CronJob', {}, { slug: 'jobs', owner: 'CronJob/x' }],
  ])('%s leads to its children', (kind, body, expected) => {
    const object = { ...body, metadata: { name: 'x', namespace: 'shop' } };
    const link = childrenLink(kind, 'c1', object);
    const { slug, ...filters } = expected;
    expect(link).toEqual({ slug, filters: { cluster: 'c1', namespace: 'shop', ...filters } });
  });

  it('sends a pod of a deployment to its deployment, other owners to their lists', () => {
    expect(
      ownerLink({ kind: 'ReplicaSet', name: 'pay-5c9f' }, 'c1', 'shop', { 'pod-template-hash': '5c9f' }),
    ).toEqual({
      slug: 'deployments',
      filters: { cluster: 'c1', namespace: 'shop', text: 'pay' },
      label: 'Deployment pay (ReplicaSet pay-5c9f)',
    });
    expect(ownerLink({ kind: 'ReplicaSet', name: 'lonely' }, 'c1', 'shop', {}).filters.owner).toBe(
      'ReplicaSet/lonely',
    );
    expect(ownerLink({ kind: 'Job', name: 'backup-1' }, 'c1', 'ops', {}).slug).toBe('jobs');
    expect(ownerLink({ kind: 'Node', name: 'n1' }, 'c1', 'kube-system', {}).filters.owner).toBe('Node/n1');
  });

  it('parses owner filters', () => {
    expect(parseOwner('Job/backup-1')).toEqual({ kind: 'Job', name: 'backup-1' });
    expect(parseOwner('Job/')).toBeUndefined();
    expect(parseOwner('/x')).toBeUndefined();
    expect(parseOwner(undefined)).toBeUndefined();
  });
});
