import { describe, expect, it } from 'vitest';
import { prepareForApply } from './prepare';

const item = (kind: string, name: string, metadata: Record<string, unknown> = {}, extra = {}) => ({
  group: '',
  version: 'v1',
  kind,
  namespace: 'shop',
  name,
  object: { apiVersion: 'v1', kind, metadata: { name, namespace: 'shop', ...metadata }, ...extra },
});

describe('prepareForApply', () => {
  it('leaves hand-written manifests untouched, even a Service with a fixed clusterIP', () => {
    const svc = item('Service', 'web', {}, { spec: { clusterIP: '10.0.0.10' } });
    expect(prepareForApply([svc])).toEqual({ items: [svc], skipped: [] });
  });

  it('cleans objects read from a cluster and skips what controllers make', () => {
    const dumped = { uid: 'u', resourceVersion: '7', managedFields: [{ manager: 'kubectl' }] };
    const owned = {
      ...dumped,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-1', uid: 'r', controller: true },
      ],
    };
    const res = prepareForApply([
      item('Service', 'web', dumped, { spec: { clusterIP: '10.0.0.10', ports: [{ port: 80 }] }, status: {} }),
      item('Pod', 'web-1-abcde', owned),
      item('Event', 'web.1', dumped),
    ]);
    expect(res.items.map((i) => i.object)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'shop' },
        spec: { ports: [{ port: 80 }] },
      },
    ]);
    expect(res.skipped.map((s) => `${s.kind}:${s.outcome}:${s.message}`)).toEqual([
      'Pod:skipped:made by its controller ReplicaSet',
      'Event:skipped:events are not configuration',
    ]);
  });
});
