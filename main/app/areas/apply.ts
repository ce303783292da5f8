import type { KubeConfig } from '@kubernetes/client-node';
import type { z } from 'zod';
import type { ApplyFailure, applyCalls } from '../../../shared/contract/apply';
import { AppError, type ErrorCode } from '../../../shared/contract/result';
import { KubeApiError, kubeObjects, type ObjectTarget } from '../../kube/apply';
import { CALL_DEADLINE_MS, ClusterDeadlineError, withDeadline, type Deadline } from '../../kube/deadline';
import { EditError, forEditing, parseEdited, sameDesiredState, toApplyConfig } from '../../kube/apply-body';
import { bundledSchema } from '../../kube/openapi-bundled';
import { createOpenApiCache, type OpenApiCache } from '../../kube/openapi-cache';
import { apiVersionOf } from '../../kube/openapi-schema';
import type { Logger } from '../../services/log';

/**
 * The YAML editor's area: apply.open reads the object fresh from its cluster (never the cache),
 * apply.dryRun / apply.apply send the edited YAML by server-side apply as "flotilla", apply.delete
 * deletes it (protected clusters need their name typed). API failures keep the server's message
 * and causes in the error's details (an ApplyFailure). apply.schema gives the editor the kind's JSON
 * Schema from the cluster's OpenAPI (cached), or the bundled one when there is no cluster to ask.
 *
 *   const apply = createApplyArea({ log, cluster: (id) => …name and protected…, kubeConfigFor: (id) => kc });
 */

type ApplyCalls = typeof applyCalls;
export type ApplyHandlers = {
  [N in keyof ApplyCalls]: (
    input: z.output<ApplyCalls[N]['input']>,
  ) => Promise<z.output<ApplyCalls[N]['output']>>;
};

export interface ApplyAreaContext {
  log: Logger;
  /** The cluster's name and whether it is protected; throws NOT_FOUND for an unknown id. */
  cluster(id: string): Promise<{ name: string; protected: boolean }> | { name: string; protected: boolean };
  /** The cluster's client configuration; undefined while it has never connected. */
  kubeConfigFor(id: string): KubeConfig | undefined;
  /** The clusters' OpenAPI documents (default: a cache of its own). */
  openapi?: OpenApiCache;
  /** The overall deadline of one call on the cluster (default 10 s, below the renderer's 15 s). */
  deadlineMs?: number;
}

export interface ApplyArea {
  handlers: ApplyHandlers;
}

const CODES: Record<number, ErrorCode> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'CONFLICT',
  422: 'INVALID_ARGUMENT',
};

/** A stale resourceVersion says "the object has been modified"; a field conflict names managers. */
function conflictKind(e: KubeApiError): ApplyFailure['conflict'] {
  if (e.status !== 409) return undefined;
  if (e.causes.some((c) => c.reason === 'FieldManagerConflict') || /conflict.* with "/i.test(e.message)) {
    return 'fields';
  }
  return 'resourceVersion';
}

function translate(error: unknown): never {
  if (error instanceof EditError) {
    const details: ApplyFailure = { status: 0, reason: 'Invalid', causes: [], line: error.line };
    throw new AppError('INVALID_ARGUMENT', error.message, details);
  }
  if (error instanceof KubeApiError) {
    const details: ApplyFailure = {
      status: error.status,
      reason: error.reason,
      causes: error.causes,
      conflict: conflictKind(error),
    };
    throw new AppError(CODES[error.status] ?? 'UNAVAILABLE', error.message, details);
  }
  if (error instanceof ClusterDeadlineError) throw new AppError('UNAVAILABLE', error.message);
  throw error;
}

const target = (ref: ObjectTarget): ObjectTarget => ({
  group: ref.group,
  version: ref.version,
  kind: ref.kind,
  namespace: ref.namespace,
  name: ref.name,
});

function versionOf(o: Record<string, unknown>): string {
  const meta = o.metadata as { resourceVersion?: unknown } | undefined;
  return typeof meta?.resourceVersion === 'string' ? meta.resourceVersion : '';
}

export function createApplyArea(ctx: ApplyAreaContext): ApplyArea {
  const openapi = ctx.openapi ?? createOpenApiCache();
  const deadlineMs = ctx.deadlineMs ?? CALL_DEADLINE_MS;

  function client(cluster: string, deadline: Deadline) {
    const kc = ctx.kubeConfigFor(cluster);
    if (!kc)
      throw new AppError(
        'UNAVAILABLE',
        `cluster ${cluster} has not connected yet; try again when it is ready`,
      );
    return kubeObjects(kc, deadline);
  }

  /** Runs `work` with the cluster's client under one deadline for the whole call. */
  function onCluster<T>(
    id: string,
    name: string,
    what: string,
    work: (api: ReturnType<typeof kubeObjects>) => Promise<T>,
  ): Promise<T> {
    return withDeadline(name, deadlineMs, what, (d) => work(client(id, d)));
  }

  async function allowed(api: ReturnType<typeof kubeObjects>, t: ObjectTarget, verb: 'patch' | 'delete') {
    try {
      return await api.allowed(t, verb);
    } catch (error) {
      // An API server without access reviews: let the write itself answer 403.
      ctx.log.warn(`access review for ${verb} ${t.kind} ${t.name} failed`, error);
      return true;
    }
  }

  /**
   * A dry run states the conflict the apply would meet: some API servers skip the resourceVersion
   * precondition on dry runs (kube-sim does), so compare it here.
   */
  async function checkVersion(
    api: ReturnType<typeof kubeObjects>,
    t: ObjectTarget,
    edited: Record<string, unknown>,
  ) {
    const sent = (edited.metadata as { resourceVersion?: unknown } | undefined)?.resourceVersion;
    if (typeof sent !== 'string') return;
    const live = await api.get(t);
    if (versionOf(live) !== sent) {
      throw new KubeApiError(
        409,
        'Conflict',
        `dry run of apply ${t.kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}: the object has been modified ` +
          `(resourceVersion ${sent} is now ${versionOf(live)}); please apply your changes to the latest version and try again`,
        [],
      );
    }
  }

  async function applyEdited(input: z.output<ApplyCalls['apply.apply']['input']>, dryRun: boolean) {
    const cluster = await ctx.cluster(input.ref.cluster);
    const t = target(input.ref);
    const what = `${dryRun ? 'dry run of apply' : 'apply'} ${t.kind} ${t.name}`;
    return onCluster(input.ref.cluster, cluster.name, what, (api) => edit(api, input, dryRun, t)).catch(
      translate,
    );
  }

  async function edit(
    api: ReturnType<typeof kubeObjects>,
    input: z.output<ApplyCalls['apply.apply']['input']>,
    dryRun: boolean,
    t: ObjectTarget,
  ) {
    try {
      const edited = parseEdited(input.yaml, t);
      const send = () =>
        api.apply(t, toApplyConfig(edited, { force: input.force }), { dryRun, force: input.force });
      let result: Record<string, unknown>;
      // A newer resourceVersion whose only news is status (controllers write it all the time): apply on
      // top of it, a few times at most, since status can move again between the read and the write.
      for (let attempt = 0; ; attempt++) {
        try {
          if (dryRun && !input.force) await checkVersion(api, t, edited);
          result = await send();
          break;
        } catch (error) {
          if (
            attempt >= 3 ||
            !(error instanceof KubeApiError) ||
            conflictKind(error) !== 'resourceVersion' ||
            !input.base
          )
            throw error;
          const live = await api.get(t);
          if (!sameDesiredState(live, parseEdited(input.base, t))) throw error;
          (edited.metadata as Record<string, unknown>).resourceVersion = versionOf(live);
        }
      }
      if (!dryRun) ctx.log.info(`applied ${t.kind} ${t.namespace}/${t.name} on ${input.ref.cluster}`);
      return { object: forEditing(result), resourceVersion: versionOf(result), dryRun };
    } catch (error) {
      return translate(error);
    }
  }

  const handlers: ApplyHandlers = {
    async 'apply.open'(ref) {
      const cluster = await ctx.cluster(ref.cluster);
      const t = target(ref);
      try {
        const [live, canPatch, canDelete] = await onCluster(
          ref.cluster,
          cluster.name,
          `GET ${t.kind} ${t.name}`,
          (api) => Promise.all([api.get(t), allowed(api, t, 'patch'), allowed(api, t, 'delete')]),
        );
        return {
          object: forEditing(live),
          resourceVersion: versionOf(live),
          clusterName: cluster.name,
          protected: cluster.protected,
          readOnly: canPatch ? undefined : `Your account on ${cluster.name} may not change this ${t.kind}.`,
          noDelete: canDelete ? undefined : `Your account on ${cluster.name} may not delete this ${t.kind}.`,
        };
      } catch (error) {
        return translate(error);
      }
    },
    async 'apply.schema'(q) {
      const gvk = { group: q.group, version: q.version, kind: q.kind };
      const what = `${q.kind} (${apiVersionOf(gvk)})`;
      let note: string | undefined;
      const kc = q.cluster ? ctx.kubeConfigFor(q.cluster) : undefined;
      if (q.cluster && !kc) note = `cluster ${q.cluster} has not connected yet`;
      if (q.cluster && kc) {
        try {
          const name = (await Promise.resolve(ctx.cluster(q.cluster)).catch(() => undefined))?.name;
          const schema = await withDeadline(name ?? q.cluster, deadlineMs, `GET the OpenAPI of ${what}`, () =>
            openapi.schemaFor(q.cluster!, kc, gvk),
          );
          if (schema) return { source: 'cluster' as const, schema };
          note = `the cluster's OpenAPI does not describe ${what}`;
        } catch (error) {
          ctx.log.warn(`OpenAPI of ${q.cluster} for ${what} could not be read`, error);
          note = `the cluster's OpenAPI could not be read: ${error instanceof Error ? error.message : String(error)}`;
        }
      }
      const bundled = await bundledSchema(gvk);
      if (bundled) return { source: 'bundled' as const, schema: bundled, note };
      return { source: 'none' as const, schema: null, note: note ?? `no schema describes ${what}` };
    },
    'apply.dryRun': (input) => applyEdited(input, true),
    'apply.apply': (input) => applyEdited(input, false),
    async 'apply.delete'({ ref, confirmName }) {
      const cluster = await ctx.cluster(ref.cluster);
      if (cluster.protected && confirmName !== cluster.name) {
        throw new AppError(
          'PERMISSION_DENIED',
          `${cluster.name} is protected: type its name to delete ${ref.kind} ${ref.name}`,
        );
      }
      const t = target(ref);
      try {
        await onCluster(ref.cluster, cluster.name, `DELETE ${t.kind} ${t.name}`, (api) =>
          api.remove(t, { dryRun: false }),
        );
        ctx.log.info(`deleted ${t.kind} ${t.namespace}/${t.name} on ${ref.cluster}`);
        return { deleted: true };
      } catch (error) {
        return translate(error);
      }
    },
  };
  return { handlers };
}
