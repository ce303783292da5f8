/** Job controller: runs pods to `completions` with `parallelism`, gives up after `backoffLimit` failures. */
import type { KObject } from '../store/api';
import { isoSeconds } from './clock';
import { GVR, keyOf } from './gvr';
import {
  conditionOf,
  isActive,
  isReady,
  phaseOf,
  podFromTemplate,
  setCondition,
  statusOf,
  type PodSpec,
} from './pods';
import { createPod, deletePod, enqueueOwner } from './replicaset';
import type { Controller } from './runtime';

export const JOB = 'job';

interface JobSpec {
  parallelism?: number;
  completions?: number | null;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  suspend?: boolean;
  selector?: { matchLabels?: Record<string, string> };
  template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec };
}

export const jobFinished = (job: KObject): boolean =>
  ['Complete', 'Failed'].some((t) => conditionOf(job, t)?.status === 'True');

export const jobController: Controller = {
  name: JOB,
  watches: [GVR.jobs, GVR.pods],
  onEvent(event, rt) {
    if (event.gvr === GVR.jobs)
      rt.enqueue(JOB, keyOf(event.object.metadata.namespace, event.object.metadata.name ?? ''));
    else if (event.gvr === GVR.pods) enqueueOwner(rt, event, 'Job', JOB);
  },
  start(rt) {
    for (const j of rt.cache.all(GVR.jobs))
      rt.enqueue(JOB, keyOf(j.metadata.namespace, j.metadata.name ?? ''));
  },
  reconcile(key, rt) {
    const job = rt.cache.get(GVR.jobs, key);
    if (!job || job.metadata.deletionTimestamp) return;
    const ns = job.metadata.namespace;
    const name = job.metadata.name ?? '';
    const spec = job.spec as JobSpec;
    const uid = job.metadata.uid ?? '';
    const podLabels = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': name,
      'controller-uid': uid,
      'job-name': name,
    };
    if (!spec.selector) {
      rt.store.mutate(GVR.jobs, ns, name, (o) => {
        const s = o.spec as JobSpec;
        s.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
        s.template = {
          ...s.template,
          metadata: { ...s.template?.metadata, labels: { ...s.template?.metadata?.labels, ...podLabels } },
        };
      });
      return;
    }
    const pods = rt.cache.ownedBy(GVR.pods, uid);
    const succeeded = pods.filter((p) => phaseOf(p) === 'Succeeded').length;
    const restarts = pods.reduce(
      (n, p) =>
        n +
        ((statusOf(p).containerStatuses as Array<{ restartCount?: number }> | undefined) ?? []).reduce(
          (m, c) => m + (c.restartCount ?? 0),
          0,
        ),
      0,
    );
    const failed = pods.filter((p) => phaseOf(p) === 'Failed').length;
    const active = pods.filter(isActive);
    const now = rt.now();
    const nowIso = isoSeconds(now);
    const completions = spec.completions === null ? undefined : (spec.completions ?? 1);
    const parallelism = spec.parallelism ?? 1;
    const backoffLimit = spec.backoffLimit ?? 6;
    const startTime = (statusOf(job).startTime as string | undefined) ?? nowIso;
    const deadline = spec.activeDeadlineSeconds;
    let finish: { type: 'Complete' | 'Failed'; reason: string; message: string } | undefined;
    if (jobFinished(job)) finish = undefined;
    else if (completions !== undefined ? succeeded >= completions : succeeded > 0 && active.length === 0)
      finish = {
        type: 'Complete',
        reason: 'CompletionsReached',
        message: 'Reached expected number of succeeded pods',
      };
    else if (failed + restarts > backoffLimit)
      finish = {
        type: 'Failed',
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
      };
    else if (deadline !== undefined && now - Date.parse(startTime) > deadline * 1000)
      finish = {
        type: 'Failed',
        reason: 'DeadlineExceeded',
        message: 'Job was active longer than specified deadline',
      };
    if (!jobFinished(job) && !finish && !spec.suspend) {
      const want =
        completions !== undefined
          ? Math.min(parallelism, completions - succeeded)
          : succeeded > 0
            ? 0
            : parallelism;
      for (let i = active.length; i < want; i++) {
        const pod = createPod(rt, podFromTemplate(spec.template ?? {}, job, '', { labels: podLabels }), name);
        if (pod)
          rt.events.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, {
            component: 'job-controller',
          });
      }
      if (deadline !== undefined) rt.after(deadline * 1000, JOB, key);
    }
    if (finish?.type === 'Failed' || (spec.suspend && !jobFinished(job)))
      for (const p of active) deletePod(rt, p);
    if (finish) {
      rt.events.record(
        job,
        finish.type === 'Complete' ? 'Normal' : 'Warning',
        finish.type === 'Complete' ? 'Completed' : finish.reason,
        finish.type === 'Complete' ? 'Job completed' : finish.message,
        { component: 'job-controller' },
      );
    }
    const current = rt.cache.ownedBy(GVR.pods, uid).filter(isActive);
    rt.store.mutate(GVR.jobs, ns, name, (o) => {
      const st = statusOf(o);
      st.startTime = startTime;
      st.active = current.length;
      st.ready = current.filter(isReady).length;
      st.succeeded = succeeded;
      st.failed = failed + restarts;
      st.terminating = 0;
      st.uncountedTerminatedPods = {};
      for (const k of ['active', 'succeeded', 'failed'] as const) if (st[k] === 0) delete st[k];
      if (finish) {
        if (finish.type === 'Complete') {
          setCondition(
            st,
            {
              type: 'SuccessCriteriaMet',
              status: 'True',
              reason: finish.reason,
              message: finish.message,
              lastProbeTime: nowIso,
            },
            nowIso,
          );
          st.completionTime = nowIso;
        } else
          setCondition(
            st,
            {
              type: 'FailureTarget',
              status: 'True',
              reason: finish.reason,
              message: finish.message,
              lastProbeTime: nowIso,
            },
            nowIso,
          );
        setCondition(
          st,
          {
            type: finish.type,
            status: 'True',
            reason: finish.reason,
            message: finish.message,
            lastProbeTime: nowIso,
          },
          nowIso,
        );
      }
      o.status = st;
    });
  },
};
