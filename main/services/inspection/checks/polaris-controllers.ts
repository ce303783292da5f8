/** Polaris checks that need other objects (NetworkPolicies, PDBs, HPAs) and checks on controllers and other kinds. */
import type { StoredObject } from '../../../../shared/objects/types';
import { matchesLabelSelector } from '../../objects-memory/label-selector';
import { asArray, asObject, str, type J } from '../pod-spec';
import type { Check, CheckContext, Violation } from '../types';
import { objectCheck, podCheck } from './define';
import { inNamespace, ownedByControllerInScope } from './lookup';
import { isSensitiveName, isSensitiveValue } from './polaris-containers';

const S = 'polaris' as const;

/** Resolves an int-or-percent against a total (percent rounded up, as Kubernetes does for minAvailable). */
export function intOrPercent(v: unknown, total: number | undefined): number | undefined {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(str(v));
  if (m && total !== undefined) return Math.ceil((Number(m[1]) * total) / 100);
  if (/^\d+$/.test(str(v))) return Number(v);
  return undefined;
}

const pdbPodKinds = ['Deployment', 'StatefulSet'];

/** NetworkPolicies of a namespace, pre-digested once per run. */
function networkPolicies(ctx: CheckContext, at: StoredObject) {
  return ctx.memo(`netpol:${at.cluster}\t${at.namespace}`, () =>
    inNamespace(ctx, 'NetworkPolicy', at).map((np) => {
      const spec = (np.object as J).spec ?? {};
      const types = asArray(spec.policyTypes).map(str);
      return {
        selector: asObject(spec.podSelector) ?? {},
        ingress: types.includes('Ingress') && asArray(spec.ingress).length > 0,
        egress: types.includes('Egress') && asArray(spec.egress).length > 0,
      };
    }),
  );
}

/** PodDisruptionBudget selectors of a namespace, once per run. */
function pdbSelectors(ctx: CheckContext, at: StoredObject) {
  return ctx.memo(`pdb:${at.cluster}\t${at.namespace}`, () =>
    inNamespace(ctx, 'PodDisruptionBudget', at).flatMap((pdb) => {
      const sel = asObject((pdb.object as J).spec?.selector);
      return sel ? [sel] : [];
    }),
  );
}

export const polarisControllerChecks: Check[] = [
  podCheck(
    {
      id: 'missingNetworkPolicy',
      set: S,
      title: 'A NetworkPolicy should match the pod for ingress and egress',
      category: 'Security',
      severity: 'warning',
      remediation: 'Add a NetworkPolicy selecting these pods with Ingress and Egress rules.',
    },
    (pod, obj, ctx) => {
      let ingress = false;
      let egress = false;
      for (const np of networkPolicies(ctx, obj)) {
        if ((np.ingress || np.egress) && matchesLabelSelector(np.selector, pod.metadata.labels)) {
          ingress ||= np.ingress;
          egress ||= np.egress;
        }
      }
      if (ingress && egress) return [];
      const missing = [!ingress && 'ingress', !egress && 'egress'].filter(Boolean).join(' and ');
      return [
        {
          path: pod.metadataPath + '.labels',
          message: `no NetworkPolicy with ${missing} rules selects these pods`,
        },
      ];
    },
  ),
  podCheck(
    {
      id: 'missingPodDisruptionBudget',
      set: S,
      title: 'A PodDisruptionBudget should cover the pods',
      category: 'Reliability',
      severity: 'warning',
      remediation: 'Add a PodDisruptionBudget whose selector matches the pod template labels.',
      targetKinds: pdbPodKinds,
    },
    (pod, obj, ctx) => {
      const labels = pod.metadata.labels;
      const covered =
        Object.keys(labels).length > 0 &&
        pdbSelectors(ctx, obj).some((sel) => matchesLabelSelector(sel, labels));
      return covered
        ? []
        : [{ path: pod.metadataPath + '.labels', message: 'no PodDisruptionBudget selects these pods' }];
    },
  ),
  objectCheck(
    {
      id: 'deploymentMissingReplicas',
      set: S,
      title: 'Only one replica is scheduled',
      category: 'Reliability',
      severity: 'warning',
      remediation: 'Run at least 2 replicas (set spec.replicas).',
      targetKinds: ['Deployment'],
    },
    (obj) => {
      // As Polaris: spec.replicas must be set and at least 2.
      const replicas = (obj.object as J).spec?.replicas;
      if (typeof replicas === 'number' && replicas >= 2) return [];
      return [
        {
          path: 'spec.replicas',
          message: replicas === undefined ? 'spec.replicas is not set' : `${String(replicas)} replica(s)`,
        },
      ];
    },
  ),
  objectCheck(
    {
      id: 'metadataAndInstanceMismatched',
      set: S,
      title: 'Label app.kubernetes.io/instance should match metadata.name',
      category: 'Reliability',
      severity: 'warning',
      remediation: 'Set the app.kubernetes.io/instance label to the object name.',
      targetKinds: [
        'Pod',
        'Deployment',
        'StatefulSet',
        'DaemonSet',
        'ReplicaSet',
        'Job',
        'CronJob',
        'ReplicationController',
      ],
    },
    (obj, ctx) => {
      if (ownedByControllerInScope(obj, ctx)) return null;
      const inst = obj.labels['app.kubernetes.io/instance'];
      return inst === obj.name
        ? []
        : [
            {
              path: 'metadata.labels.app.kubernetes.io/instance',
              message:
                inst === undefined
                  ? 'no app.kubernetes.io/instance label'
                  : `app.kubernetes.io/instance is "${inst}", not "${obj.name}"`,
            },
          ];
    },
  ),
  objectCheck(
    {
      id: 'pdbMinAvailableGreaterThanHPAMinReplicas',
      set: S,
      title: "PDB minAvailable should not exceed the HPA's minReplicas",
      category: 'Reliability',
      severity: 'warning',
      remediation:
        'Lower the PodDisruptionBudget minAvailable below the HPA minReplicas, or raise minReplicas.',
      targetKinds: ['Deployment'],
    },
    (obj, ctx) => {
      const dep = obj.object as J;
      const labels = asObject(dep.spec?.template?.metadata?.labels) ?? {};
      const hpa = inNamespace(ctx, 'HorizontalPodAutoscaler', obj).find((h) => {
        const ref = (h.object as J).spec?.scaleTargetRef ?? {};
        return ref.kind === 'Deployment' && ref.name === obj.name;
      });
      const minReplicas = (hpa?.object as J)?.spec?.minReplicas;
      if (typeof minReplicas !== 'number') return [];
      const out: Violation[] = [];
      for (const pdb of inNamespace(ctx, 'PodDisruptionBudget', obj)) {
        const spec = (pdb.object as J).spec ?? {};
        const sel = asObject(spec.selector);
        if (!sel || !Object.keys(labels).length || !matchesLabelSelector(sel, labels)) continue;
        const min = intOrPercent(
          spec.minAvailable,
          typeof dep.spec?.replicas === 'number' ? dep.spec.replicas : undefined,
        );
        if (min !== undefined && min > minReplicas) {
          out.push({
            path: 'spec.replicas',
            message: `PodDisruptionBudget ${pdb.name} needs ${min} pods available but the HPA may scale to ${minReplicas}`,
          });
        }
      }
      return out;
    },
  ),
  objectCheck(
    {
      id: 'hpaMaxAvailability',
      set: S,
      title: 'HPA maxReplicas should be greater than minReplicas',
      category: 'Reliability',
      severity: 'warning',
      remediation: 'Raise maxReplicas above minReplicas so the HPA can scale.',
      targetKinds: ['HorizontalPodAutoscaler'],
    },
    (obj) => {
      const spec = (obj.object as J).spec ?? {};
      const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
      return typeof spec.maxReplicas === 'number' && spec.maxReplicas > min
        ? []
        : [
            {
              path: 'spec.maxReplicas',
              message: `maxReplicas ${String(spec.maxReplicas)} is not above minReplicas ${min}`,
            },
          ];
    },
  ),
  objectCheck(
    {
      id: 'hpaMinAvailability',
      set: S,
      title: 'HPA minReplicas should be at least 2',
      category: 'Reliability',
      severity: 'warning',
      remediation: 'Set minReplicas to 2 or more.',
      targetKinds: ['HorizontalPodAutoscaler'],
    },
    (obj) => {
      const min = (obj.object as J).spec?.minReplicas;
      return min === undefined || (typeof min === 'number' && min >= 2)
        ? []
        : [{ path: 'spec.minReplicas', message: `minReplicas is ${String(min)}` }];
    },
  ),
  objectCheck(
    {
      id: 'pdbDisruptionsIsZero',
      set: S,
      title: 'PodDisruptionBudget should allow at least one disruption',
      category: 'Reliability',
      severity: 'warning',
      remediation: 'Lower minAvailable below 100% or raise maxUnavailable above 0.',
      targetKinds: ['PodDisruptionBudget'],
    },
    (obj) => {
      const spec = (obj.object as J).spec ?? {};
      const out: Violation[] = [];
      if (spec.minAvailable === '100%')
        out.push({
          path: 'spec.minAvailable',
          message: 'minAvailable is 100%: no voluntary disruption is allowed',
        });
      if (spec.maxUnavailable === 0 || spec.maxUnavailable === '0' || spec.maxUnavailable === '0%')
        out.push({
          path: 'spec.maxUnavailable',
          message: 'maxUnavailable is 0: no voluntary disruption is allowed',
        });
      return out;
    },
  ),
  objectCheck(
    {
      id: 'tlsSettingsMissing',
      set: S,
      title: 'Ingress should have TLS configured',
      category: 'Security',
      severity: 'warning',
      remediation: 'Add spec.tls with a certificate Secret for the Ingress hosts.',
      targetKinds: ['Ingress'],
    },
    (obj) =>
      // As Polaris: spec.tls must be present (a list).
      Array.isArray((obj.object as J).spec?.tls)
        ? []
        : [{ path: 'spec.tls', message: 'the Ingress has no TLS settings' }],
  ),
  objectCheck(
    {
      id: 'sensitiveConfigmapContent',
      set: S,
      title: 'ConfigMaps should not hold sensitive content',
      category: 'Security',
      severity: 'danger',
      remediation: 'Move secrets from the ConfigMap into a Secret.',
      targetKinds: ['ConfigMap'],
    },
    (obj) => {
      const data = asObject((obj.object as J).data) ?? {};
      return Object.entries(data).flatMap(([k, v]) =>
        isSensitiveName(k) || isSensitiveValue(str(v))
          ? [{ path: `data.${k}`, message: `key "${k}" looks like a secret` }]
          : [],
      );
    },
  ),
];
