import { describe, expect, it } from 'vitest';
import { EditError, forEditing, parseEdited, sameDesiredState, toApplyConfig } from './apply-body';

const target = { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'shop', name: 'cart' };
const live = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'cart',
    namespace: 'shop',
    uid: 'u-1',
    resourceVersion: '7',
    generation: 2,
    creationTimestamp: '2026-01-01T00:00:00Z',
    managedFields: [{ manager: 'kubectl' }],
    labels: { app: 'cart' },
  },
  spec: { replicas: 2 },
  status: { readyReplicas: 2 },
};

describe('apply body', () => {
  it('hides managedFields for editing and keeps everything else', () => {
    const shown = forEditing(live);
    expect(shown.metadata).not.toHaveProperty('managedFields');
    expect(shown.status).toEqual(live.status);
    expect(live.metadata.managedFields).toHaveLength(1);
  });

  it('sends no status or server-owned metadata; keeps resourceVersion unless forcing', () => {
    const config = toApplyConfig(live, { force: false });
    expect(config).not.toHaveProperty('status');
    expect(Object.keys(config.metadata as object).sort()).toEqual([
      'labels',
      'name',
      'namespace',
      'resourceVersion',
    ]);
    expect(toApplyConfig(live, { force: true }).metadata).not.toHaveProperty('resourceVersion');
  });

  it.each([
    ['kind: Deployment\nmetadata: [\n', /YAML line \d+/],
    ['a: 1\n---\nb: 2\n', /exactly one document, not 2/],
    ['- 1\n', /must be a mapping/],
    ['apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: cart}\n', /kind is "StatefulSet"/],
    ['apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: other}\n', /metadata.name is "other"/],
    ['apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cart, namespace: x}\n', /metadata.namespace/],
    ['apiVersion: v1\nkind: Deployment\nmetadata: {name: cart}\n', /apiVersion is "v1"/],
  ])('refuses %j', (text, message) => {
    expect(() => parseEdited(text, target)).toThrow(EditError);
    expect(() => parseEdited(text, target)).toThrow(message);
  });

  it('accepts the same object, with or without its namespace', () => {
    expect(
      parseEdited('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cart}\n', target),
    ).toMatchObject({
      kind: 'Deployment',
    });
  });

  it('tells a status-only change from a change to the desired state, whatever the key order', () => {
    const statusOnly = {
      ...live,
      metadata: { ...live.metadata, resourceVersion: '9' },
      status: { readyReplicas: 1 },
    };
    const reordered = {
      spec: live.spec,
      kind: live.kind,
      apiVersion: live.apiVersion,
      metadata: live.metadata,
    };
    const relabelled = { ...live, metadata: { ...live.metadata, labels: { app: 'cart', x: 'y' } } };
    expect(sameDesiredState(live, statusOnly)).toBe(true);
    expect(sameDesiredState(live, reordered)).toBe(true);
    expect(sameDesiredState(live, relabelled)).toBe(false);
    expect(sameDesiredState(live, { ...live, spec: { replicas: 3 } })).toBe(false);
  });
});
