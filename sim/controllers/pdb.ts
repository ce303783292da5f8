/** Disruption controller: PodDisruptionBudget status (expected/healthy pods and disruptions allowed). */
import { isoSeconds } from './clock';
import { GVR, keyOf } from './gvr';
import { isActive, isReady, setCondition, statusOf } from './pods';
import { intOrPercent } from './rollout';
import { selectorMatches, type LabelSelectorObject } from './selectors';
import type { Controller } from './runtime';

export const PDB = 'disruption';

export const pdbController: Controller = {
  name: PDB,
  watches: [GVR.pdbs, GVR.pods],
  onEvent(event, rt) {
    if (event.gvr === GVR.pdbs)
      rt.enqueue(PDB, keyOf(event.object.metadata.namespace, event.object.metadata.name ?? ''));
    else if (event.gvr === GVR.pods)
      for (const pdb of rt.cache.inNamespace(GVR.pdbs, event.object.metadata.namespace))
        if (
          selectorMatches(
            (pdb.spec as { selector?: LabelSelectorObject }).selector,
            event.object.metadata.labels,
          )
        )
          rt.enqueue(PDB, keyOf(pdb.metadata.namespace, pdb.metadata.name ?? ''));
  },
  start(rt) {
    for (const p of rt.cache.all(GVR.pdbs))
      rt.enqueue(PDB, keyOf(p.metadata.namespace, p.metadata.name ?? ''));
  },
  reconcile(key, rt) {
    const pdb = rt.cache.get(GVR.pdbs, key);
    if (!pdb) return;
    const spec = pdb.spec as {
      selector?: LabelSelectorObject;
      minAvailable?: unknown;
      maxUnavailable?: unknown;
    };
    const pods = rt.cache
      .inNamespace(GVR.pods, pdb.metadata.namespace)
      .filter((p) => isActive(p) && selectorMatches(spec.selector, p.metadata.labels));
    const expected = pods.length;
    const healthy = pods.filter(isReady).length;
    const desired =
      spec.minAvailable !== undefined
        ? intOrPercent(spec.minAvailable, expected, true, 'spec.minAvailable')
        : expected - intOrPercent(spec.maxUnavailable ?? 0, expected, true, 'spec.maxUnavailable');
    const allowed = Math.max(0, healthy - desired);
    const now = isoSeconds(rt.now());
    rt.store.mutate(GVR.pdbs, pdb.metadata.namespace, pdb.metadata.name ?? '', (o) => {
      const st = statusOf(o);
      st.observedGeneration = o.metadata.generation ?? 1;
      st.expectedPods = expected;
      st.currentHealthy = healthy;
      st.desiredHealthy = Math.max(0, desired);
      st.disruptionsAllowed = allowed;
      setCondition(
        st,
        allowed > 0
          ? { type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '' }
          : { type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '' },
        now,
      );
      (st.conditions as Array<Record<string, unknown>>).forEach(
        (c) => (c.observedGeneration = st.observedGeneration),
      );
      o.status = st;
    });
  },
};
