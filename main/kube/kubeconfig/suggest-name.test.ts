import { describe, expect, it } from 'vitest';
import { CLUSTER_NAME_MAX, CLUSTER_NAME_RULE, suggestClusterName } from './suggest-name';

describe('suggested cluster names', () => {
  it.each([
    ['minikube', 'minikube'],
    ['docker-desktop', 'docker-desktop'],
    ['kind-kind', 'kind-kind'],
    ['production/172-28-128-4:8443/mmosley', 'production-172-28-128-4-8443-mmosley'],
    ['arn:aws:eks:us-west-2:123456789012:cluster/Prod_Cluster', 'prod-cluster'],
    ['arn:aws-us-gov:eks:us-gov-west-1:1:cluster/gov', 'gov'],
    ['gke_my-project_europe-west1-b_shop', 'shop'],
    ['Admin@Cluster.Local', 'admin-cluster-local'],
    ['--weird--', 'weird'],
    ['', 'cluster'],
    ['ßß', 'cluster'],
  ])('%j → %s', (context, expected) => {
    expect(suggestClusterName(context)).toBe(expected);
    expect(suggestClusterName(context)).toMatch(CLUSTER_NAME_RULE);
  });

  it('keeps within 63 characters and still ends with a letter or digit', () => {
    const name = suggestClusterName(`${'a'.repeat(62)}-b`);
    expect(name.length).toBeLessThanOrEqual(CLUSTER_NAME_MAX);
    expect(name).toMatch(CLUSTER_NAME_RULE);
    expect(name).toBe('a'.repeat(62));
  });
});
