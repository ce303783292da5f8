import { describe, expect, it } from 'vitest';
import { findFieldRange } from './field-path';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
    note: x
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: app
          image: nginx:latest
          securityContext:
            privileged: true
            capabilities:
              add:
                - NET_ADMIN
        - name: sidecar
          image: busybox
data:
  a.b: one
  a:
    b: two
`;

describe('field path → lines', () => {
  it.each<[string, string, number, number]>([
    ['a top-level scalar', 'spec.replicas', 9, 9],
    ['a block of a container', 'spec.template.spec.containers[0].securityContext', 15, 19],
    ['a leaf inside it', 'spec.template.spec.containers[0].securityContext.privileged', 16, 16],
    ['a list value', 'spec.template.spec.containers[0].securityContext.capabilities.add', 18, 19],
    ['the second list item', 'spec.template.spec.containers[1]', 20, 21],
    ['a whole list item image', 'spec.template.spec.containers[1].image', 21, 21],
    [
      'a key with dots and a slash',
      'metadata.annotations.container.apparmor.security.beta.kubernetes.io/app',
      6,
      6,
    ],
    ['a dotted key, longest first', 'data.a.b', 23, 23],
    ['a quoted key', 'data["a.b"]', 23, 23],
    ['a nested key by brackets', "data['a'].b", 25, 25],
  ])('%s: %s is lines %i–%i', (_, path, start, end) => {
    expect(findFieldRange(deployment, path)).toEqual(
      expect.objectContaining({ startLine: start, endLine: end, exact: true }),
    );
  });

  it('a missing field gives its deepest present parent, not exact', () => {
    expect(findFieldRange(deployment, 'spec.template.spec.containers[1].resources.limits')).toEqual({
      startLine: 20,
      endLine: 21,
      exact: false,
      found: 'spec.template.spec.containers[1]',
    });
    expect(findFieldRange(deployment, 'spec.template.spec.containers[7]')).toMatchObject({
      exact: false,
      found: 'spec.template.spec.containers',
    });
  });

  it('gives nothing for a path that matches nothing, an empty path, or empty text', () => {
    expect(findFieldRange(deployment, 'status.phase')).toBeUndefined();
    expect(findFieldRange(deployment, '')).toBeUndefined();
    expect(findFieldRange('', 'spec')).toBeUndefined();
  });
});
