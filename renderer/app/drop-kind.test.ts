import { describe, expect, it } from 'vitest';
import { dropKind, dropKindByName, looksLikeKubeconfig, mayBe, sortDrop } from './drop-kind';

const kubeconfig = `apiVersion: v1
kind: Config
clusters:
- name: a
  cluster: { server: https://a.example:6443 }
contexts: []
`;
const deployment = `# a comment
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
---
apiVersion: v1
kind: Service
metadata: { name: web }
`;
const jsonConfig = JSON.stringify({ apiVersion: 'v1', kind: 'Config', clusters: [], contexts: [] });
const jsonList = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'ConfigMap' }] });

describe('dropKind', () => {
  it.each([
    ['fleet.flotilla', undefined, 'snapshot'],
    ['/home/me/Snapshots/FLEET.FLOTILLA', undefined, 'snapshot'],
    ['config', undefined, 'kubeconfig'],
    ['kubeconfig', undefined, 'kubeconfig'],
    ['prod.kubeconfig', undefined, 'kubeconfig'],
    ['kubeconfig-prod.yaml', deployment, 'kubeconfig'],
    ['cluster.conf', undefined, 'kubeconfig'],
    ['kind.yaml', kubeconfig, 'kubeconfig'],
    ['admin.json', jsonConfig, 'kubeconfig'],
    ['app.yaml', deployment, 'manifests'],
    ['app.YML', deployment, 'manifests'],
    ['list.json', jsonList, 'manifests'],
    // A ConfigMap is not a kubeconfig, though its kind starts with "Config".
    ['cm.yaml', 'apiVersion: v1\nkind: ConfigMap\n', 'manifests'],
    // An indented `kind: Config` belongs to some nested object, not the file.
    ['nested.yaml', 'apiVersion: v1\nkind: List\nitems:\n  - kind: Config\n', 'manifests'],
    ['app.yaml', undefined, 'other'],
    ['photo.png', undefined, 'other'],
    ['notes.txt', undefined, 'other'],
  ] as const)('%s → %s', (name, head, expected) => {
    expect(dropKind(name, head)).toBe(expected);
  });

  it('takes a dropped folder as manifests, whatever its name', () => {
    expect(dropKind('config', undefined, true)).toBe('manifests');
    expect(dropKind('k8s', undefined, true)).toBe('manifests');
    expect(dropKindByName('k8s')).toBe('kubeconfig');
  });
});

describe('looksLikeKubeconfig', () => {
  it('accepts quoted and commented kinds, refuses JSON without clusters or contexts', () => {
    expect(looksLikeKubeconfig('kind: "Config" # merged\n')).toBe(true);
    expect(looksLikeKubeconfig('{"kind": "Config"}')).toBe(false);
    expect(looksLikeKubeconfig('kind: Configuration\n')).toBe(false);
  });
});

describe('mayBe', () => {
  it('lets each handler claim only what could be its own', () => {
    expect(mayBe('snapshot', 'a.flotilla')).toBe(true);
    expect(mayBe('snapshot', 'a.yaml')).toBe(false);
    expect(mayBe('kubeconfig', 'a.flotilla')).toBe(false);
    expect(mayBe('kubeconfig', 'a.yaml')).toBe(true);
    expect(mayBe('kubeconfig', 'config')).toBe(true);
    expect(mayBe('manifests', 'a.yaml')).toBe(true);
    expect(mayBe('manifests', 'config')).toBe(false);
    expect(mayBe('manifests', 'k8s', true)).toBe(true);
    expect(mayBe('kubeconfig', 'k8s', true)).toBe(false);
  });
});

describe('sortDrop', () => {
  it('reads YAML heads and keeps the dropped order within each kind', async () => {
    const files = [
      new File([deployment], 'b.yaml'),
      new File(['x'], 'fleet.flotilla'),
      new File([kubeconfig], 'kind.yaml'),
      new File([deployment], 'a.yaml'),
      new File([''], 'manifests'),
      new File(['x'], 'readme.md'),
    ];
    const sorted = await sortDrop(files, new Set(['manifests']));
    const names = (list: File[]) => list.map((f) => f.name);
    expect(names(sorted.snapshot)).toEqual(['fleet.flotilla']);
    expect(names(sorted.kubeconfig)).toEqual(['kind.yaml']);
    expect(names(sorted.manifests)).toEqual(['b.yaml', 'a.yaml', 'manifests']);
    expect(names(sorted.other)).toEqual(['readme.md']);
  });
});
