/** The volume binder: pending PVCs get a dynamically provisioned PV from their (or the default) StorageClass. */
import type { KObject } from '../store/api';
import { GVR } from './gvr';
import { ownerRef, statusOf } from './pods';
import type { Controller, Runtime } from './runtime';

export const VOLUMES = 'volumes';
const SC = 'storage.k8s.io/v1/storageclasses';

function storageClassFor(rt: Runtime, pvc: KObject): KObject | undefined {
  const wanted = (pvc.spec as { storageClassName?: string } | undefined)?.storageClassName;
  if (!rt.store.typeOf(SC)) return undefined;
  const classes = rt.store.list(SC);
  if (wanted) return classes.find((c) => c.metadata.name === wanted);
  return classes.find(
    (c) => c.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
  );
}

export const volumeController: Controller = {
  name: VOLUMES,
  watches: [GVR.pvcs],
  onEvent(event, rt) {
    if (event.gvr === GVR.pvcs && event.type !== 'DELETED' && statusOf(event.object).phase !== 'Bound')
      rt.enqueue(VOLUMES, `${event.object.metadata.namespace}/${event.object.metadata.name}`);
    if (event.gvr === GVR.pvcs && event.type === 'DELETED') {
      const pv = (event.object.spec as { volumeName?: string } | undefined)?.volumeName;
      if (pv) {
        try {
          rt.store.delete(GVR.pvs, undefined, pv);
        } catch {
          // not ours or gone
        }
      }
    }
  },
  start(rt) {
    if (!rt.store.typeOf(GVR.pvcs)) return;
    for (const pvc of rt.store.list(GVR.pvcs))
      if (statusOf(pvc).phase !== 'Bound')
        rt.enqueue(VOLUMES, `${pvc.metadata.namespace}/${pvc.metadata.name}`);
  },
  reconcile(key, rt) {
    const [ns, name] = key.split('/') as [string, string];
    const pvc = rt.store.get(GVR.pvcs, ns, name);
    if (!pvc || statusOf(pvc).phase === 'Bound' || pvc.metadata.deletionTimestamp) return;
    const spec = (pvc.spec ?? {}) as {
      storageClassName?: string;
      accessModes?: string[];
      resources?: { requests?: { storage?: string } };
      volumeMode?: string;
      volumeName?: string;
    };
    const sc = storageClassFor(rt, pvc);
    if (!sc && !spec.volumeName) {
      if (statusOf(pvc).phase !== 'Pending')
        rt.store.mutate(GVR.pvcs, ns, name, (o) => void (o.status = { phase: 'Pending' }));
      rt.events.record(
        pvc,
        'Normal',
        'FailedBinding',
        'no persistent volumes available for this claim and no storage class is set',
        { component: 'persistentvolume-controller' },
      );
      return;
    }
    const storage = spec.resources?.requests?.storage ?? '1Gi';
    const pvName = spec.volumeName ?? `pvc-${pvc.metadata.uid}`;
    const provisioner = (sc?.provisioner as string | undefined) ?? 'csi.vsphere.vmware.com';
    if (!rt.store.get(GVR.pvs, undefined, pvName)) {
      rt.store.create(GVR.pvs, {
        apiVersion: 'v1',
        kind: 'PersistentVolume',
        metadata: {
          name: pvName,
          annotations: {
            'pv.kubernetes.io/provisioned-by': provisioner,
            'volume.kubernetes.io/provisioner-deletion-secret-name': '',
          },
        },
        spec: {
          capacity: { storage },
          accessModes: spec.accessModes ?? ['ReadWriteOnce'],
          persistentVolumeReclaimPolicy: (sc?.reclaimPolicy as string | undefined) ?? 'Delete',
          storageClassName: sc?.metadata.name ?? spec.storageClassName ?? '',
          volumeMode: spec.volumeMode ?? 'Filesystem',
          claimRef: {
            ...ownerRef(pvc),
            namespace: ns,
            resourceVersion: pvc.metadata.resourceVersion,
            controller: undefined,
            blockOwnerDeletion: undefined,
          },
          csi: { driver: provisioner, volumeHandle: `${pvc.metadata.uid}`, fsType: 'ext4' },
        },
        status: { phase: 'Bound' },
      });
      rt.events.record(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`, {
        component: `${provisioner}_csi-provisioner`,
      });
    }
    rt.store.mutate(GVR.pvcs, ns, name, (o) => {
      o.spec = {
        ...(o.spec as object),
        volumeName: pvName,
        ...(sc && !spec.storageClassName ? { storageClassName: sc.metadata.name } : {}),
      };
      o.metadata.annotations = {
        ...o.metadata.annotations,
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
        'volume.kubernetes.io/storage-provisioner': provisioner,
      };
      o.status = {
        phase: 'Bound',
        accessModes: spec.accessModes ?? ['ReadWriteOnce'],
        capacity: { storage },
      };
    });
  },
};
