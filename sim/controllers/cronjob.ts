/** CronJob controller: creates a Job at each scheduled time, honours concurrencyPolicy, suspend and history limits. */
import type { KObject } from '../store/api';
import { isoSeconds } from './clock';
import { CronError, lastMissedRun, nextRunIn, parseCron, zoneOffset, type Cron } from './cron';
import { GVR, keyOf } from './gvr';
import { jobFinished } from './job';
import { conditionOf, ownerRef, statusOf } from './pods';
import { deletePod, enqueueOwner } from './replicaset';
import type { Controller, Runtime } from './runtime';

export const CRON = 'cronjob';

interface CronSpec {
  schedule?: string;
  timeZone?: string;
  suspend?: boolean;
  concurrencyPolicy?: string;
  startingDeadlineSeconds?: number;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate?: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: Record<string, unknown>;
  };
}

function deleteJob(rt: Runtime, job: KObject): void {
  for (const p of rt.cache.ownedBy(GVR.pods, job.metadata.uid)) deletePod(rt, p);
  try {
    rt.store.delete(GVR.jobs, job.metadata.namespace, job.metadata.name ?? '');
  } catch {
    // gone already
  }
}

export function createCronJobController(): Controller {
  const parsed = new Map<string, Cron | CronError>();
  const cronOf = (expr: string): Cron | CronError => {
    let c = parsed.get(expr);
    if (!c) {
      try {
        c = parseCron(expr);
      } catch (err) {
        c = err instanceof CronError ? err : new CronError(String(err));
      }
      parsed.set(expr, c);
    }
    return c;
  };
  return {
    name: CRON,
    watches: [GVR.cronJobs, GVR.jobs],
    onEvent(event, rt) {
      if (event.gvr === GVR.cronJobs)
        rt.enqueue(CRON, keyOf(event.object.metadata.namespace, event.object.metadata.name ?? ''));
      else if (event.gvr === GVR.jobs) enqueueOwner(rt, event, 'CronJob', CRON);
    },
    start(rt) {
      for (const c of rt.cache.all(GVR.cronJobs))
        rt.enqueue(CRON, keyOf(c.metadata.namespace, c.metadata.name ?? ''));
    },
    reconcile(key, rt) {
      const cj = rt.cache.get(GVR.cronJobs, key);
      if (!cj || cj.metadata.deletionTimestamp || !rt.namespaceOpen(cj.metadata.namespace)) return;
      const spec = cj.spec as CronSpec;
      const ns = cj.metadata.namespace;
      const name = cj.metadata.name ?? '';
      const cron = cronOf(spec.schedule ?? '');
      if (cron instanceof CronError) {
        rt.events.record(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${cron.message}`, {
          component: 'cronjob-controller',
        });
        return;
      }
      const tz = spec.timeZone;
      if (tz) {
        try {
          zoneOffset(tz, 0);
        } catch (err) {
          rt.events.record(cj, 'Warning', 'UnknownTimeZone', (err as Error).message, {
            component: 'cronjob-controller',
          });
          return;
        }
      }
      const now = rt.now();
      const jobs = rt.cache.ownedBy(GVR.jobs, cj.metadata.uid);
      let active = jobs.filter((j) => !jobFinished(j));
      const status = statusOf(cj);
      const last =
        Date.parse((status.lastScheduleTime as string | undefined) ?? cj.metadata.creationTimestamp ?? '') ||
        now;
      const due = spec.suspend ? undefined : lastMissedRun(cron, last, now, tz);
      let scheduled: number | undefined;
      if (due !== undefined) {
        const tooLate =
          spec.startingDeadlineSeconds !== undefined && now - due > spec.startingDeadlineSeconds * 1000;
        if (tooLate)
          rt.events.record(
            cj,
            'Warning',
            'MissSchedule',
            `Missed scheduled time to start a job: ${isoSeconds(due)}`,
            { component: 'cronjob-controller' },
          );
        else if (spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
          rt.events.record(
            cj,
            'Normal',
            'JobAlreadyActive',
            'Not starting job because prior execution is running and concurrency policy is Forbid',
            { component: 'cronjob-controller' },
          );
        } else {
          if (spec.concurrencyPolicy === 'Replace') {
            for (const j of active) {
              deleteJob(rt, j);
              rt.events.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, {
                component: 'cronjob-controller',
              });
            }
            active = [];
          }
          const jobName = `${name}-${Math.floor(due / 60_000)}`;
          const t = spec.jobTemplate ?? {};
          try {
            const job = rt.store.create(GVR.jobs, {
              apiVersion: 'batch/v1',
              kind: 'Job',
              metadata: {
                name: jobName,
                namespace: ns,
                labels: { ...t.metadata?.labels },
                annotations: {
                  ...t.metadata?.annotations,
                  'batch.kubernetes.io/cronjob-scheduled-timestamp': new Date(due)
                    .toISOString()
                    .replace('.000', ''),
                },
                ownerReferences: [ownerRef(cj)],
              },
              spec: structuredClone(t.spec ?? {}),
            });
            active.push(job);
            rt.events.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${jobName}`, {
              component: 'cronjob-controller',
            });
          } catch {
            // this run's job exists already
          }
        }
        scheduled = due;
      }
      // History.
      const finished = jobs
        .filter(jobFinished)
        .sort((a, b) =>
          (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''),
        );
      const ok = finished.filter((j) => conditionOf(j, 'Complete')?.status === 'True');
      const bad = finished.filter((j) => conditionOf(j, 'Complete')?.status !== 'True');
      for (const [list, limit] of [
        [ok, spec.successfulJobsHistoryLimit ?? 3],
        [bad, spec.failedJobsHistoryLimit ?? 1],
      ] as const) {
        for (const j of list.slice(0, Math.max(0, list.length - limit))) {
          deleteJob(rt, j);
          rt.events.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`, {
            component: 'cronjob-controller',
          });
        }
      }
      const lastOk = ok
        .map((j) => statusOf(j).completionTime as string | undefined)
        .filter(Boolean)
        .sort()
        .pop();
      rt.store.mutate(GVR.cronJobs, ns, name, (o) => {
        const st = statusOf(o);
        if (scheduled !== undefined) st.lastScheduleTime = isoSeconds(scheduled);
        if (lastOk) st.lastSuccessfulTime = lastOk;
        const refs = active.filter(
          (j) =>
            rt.cache.get(GVR.jobs, keyOf(ns, j.metadata.name ?? '')) &&
            !jobFinished(rt.cache.get(GVR.jobs, keyOf(ns, j.metadata.name ?? '')) as KObject),
        );
        if (refs.length)
          st.active = refs.map((j) => ({
            apiVersion: 'batch/v1',
            kind: 'Job',
            name: j.metadata.name,
            namespace: ns,
            uid: j.metadata.uid,
            resourceVersion: j.metadata.resourceVersion,
          }));
        else delete st.active;
        o.status = st;
      });
      const next = spec.suspend ? undefined : nextRunIn(cron, now, tz);
      if (next !== undefined) rt.after(next - now, CRON, key);
    },
  };
}
