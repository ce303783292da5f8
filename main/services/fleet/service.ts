import { randomUUID } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import type {
  AttachItem,
  ClusterDetail,
  ClusterQuery,
  ClusterRow,
  CredentialCommandView,
  Overview,
  Verification,
} from '../../../shared/contract/fleet';
import { AppError } from '../../../shared/contract/result';
import { readControlPlane, componentHealth } from '../../kube/health';
import { releaseAgent } from '../../kube/request';
import { buildKubeConfig, toConnectionSpec, type ConnectionSpec } from '../../kube/kubeconfig';
import type { ClusterRecord, FleetStore } from '../../store/fleet';
import type { CredentialVault } from '../credentials';
import type { Connections } from '../connections/manager';
import { verifyConnection } from '../connections/verify';
import type { Logger } from '../log';
import type { Imports } from './imports';
import { labelProblem, nameProblem } from './names';
import { queryClusters } from './query';
import { buildRow, derived, isProtected } from './rows';

export interface FleetDeps {
  store: FleetStore;
  vault: CredentialVault;
  imports: Imports;
  connections: Connections;
  log: Logger;
  /** Tells the shells which clusters changed (batched by the caller). */
  changed(ids: string[], reason: string): void;
  now?: () => Date;
}

export function labelsProblem(labels: Record<string, string>): string | null {
  for (const [k, v] of Object.entries(labels)) {
    const p = labelProblem(k, v);
    if (p) return p;
  }
  return null;
}

/** Clusters: attach, list, overview, update, move, detach, verify. */
export function createFleetService(deps: FleetDeps) {
  const { store, vault, imports, connections } = deps;
  const now = deps.now ?? (() => new Date());
  const kubeConfigs = new Map<string, KubeConfig>();

  function kubeConfigFor(id: string): KubeConfig {
    const cached = kubeConfigs.get(id);
    if (cached) return cached;
    const spec = vault.get<ConnectionSpec>(id);
    if (!spec)
      throw new AppError('NOT_FOUND', `No credentials are stored for cluster ${id}; attach it again.`);
    const kc = buildKubeConfig(spec, { approved: store.approvals() });
    kubeConfigs.set(id, kc);
    return kc;
  }

  /** Drops a cluster's cached client and its pooled connections. */
  function forget(id: string) {
    const kc = kubeConfigs.get(id);
    if (kc) releaseAgent(kc);
    kubeConfigs.delete(id);
  }

  function record(id: string): ClusterRecord {
    const r = store.cluster(id);
    if (!r) throw new AppError('NOT_FOUND', `No cluster with id ${id}.`);
    return r;
  }

  function rows(): ClusterRow[] {
    const groups = new Map(store.groups().map((g) => [g.id, g]));
    return store
      .clusters()
      .map((r) => buildRow(r, groups.get(r.groupId), connections.state(r.id), connections.observation(r.id)));
  }

  function row(id: string): ClusterRow {
    const r = record(id);
    return buildRow(r, store.group(r.groupId), connections.state(id), connections.observation(id));
  }

  function checkGroup(groupId: string) {
    if (!store.group(groupId)) throw new AppError('NOT_FOUND', `No cluster group with id ${groupId}.`);
  }

  return {
    kubeConfigFor,
    /** Closes every pooled connection (on quit). */
    close() {
      for (const id of [...kubeConfigs.keys()]) forget(id);
    },
    rows,
    row,

    /** Starts connecting to every attached cluster (at startup). */
    start() {
      for (const r of store.clusters()) connections.add(r.id, r.server);
    },

    approve(importId: string, key: string): CredentialCommandView {
      const ctx = imports.context(importId, key);
      const cmd = ctx.resolved.command;
      if (!cmd)
        throw new AppError(
          'INVALID_ARGUMENT',
          `Context "${key}" runs no credential command; nothing to approve.`,
        );
      store.approve(cmd.fingerprint, cmd.commandLine, now().toISOString());
      deps.log.info(`approved credential command for context ${ctx.resolved.name}: ${cmd.commandLine}`);
      for (const id of [...kubeConfigs.keys()]) forget(id);
      return {
        kind: cmd.kind,
        commandLine: cmd.commandLine,
        fingerprint: cmd.fingerprint,
        installHint: cmd.installHint,
        provider: cmd.provider,
        approved: true,
      };
    },

    /**
     * Attaches contexts of an import. Each item is checked on its own (name rule, unique
     * name, labels, group, a context without errors, an approved credential command);
     * the good ones are written in one transaction with their sealed credentials.
     */
    attach(importId: string, items: AttachItem[]) {
      const taken = new Set(store.clusters().map((c) => c.name));
      const approvals = store.approvals();
      const results: Array<{
        context: string;
        ok: boolean;
        clusterId?: string;
        name: string;
        message?: string;
      }> = [];
      const good: Array<{ record: ClusterRecord; spec: ConnectionSpec }> = [];
      for (const item of items) {
        const fail = (message: string) =>
          results.push({ context: item.context, ok: false, name: item.name, message });
        const problem =
          nameProblem(item.name) ??
          (taken.has(item.name)
            ? `A cluster named "${item.name}" is attached already; choose another name.`
            : null) ??
          labelsProblem(item.labels) ??
          (store.group(item.groupId) ? null : `No cluster group with id ${item.groupId}.`);
        if (problem) {
          fail(problem);
          continue;
        }
        const ctx = imports.context(importId, item.context);
        let spec: ConnectionSpec;
        try {
          spec = toConnectionSpec(ctx.resolved);
        } catch (error) {
          fail(error instanceof Error ? error.message : String(error));
          continue;
        }
        const cmd = ctx.resolved.command;
        if (cmd && !approvals.has(cmd.fingerprint)) {
          fail(
            `Context "${item.context}" runs ${cmd.commandLine} to get credentials; approve that command first.`,
          );
          continue;
        }
        taken.add(item.name);
        const id = randomUUID();
        good.push({
          spec,
          record: {
            id,
            name: item.name,
            description: item.description,
            groupId: item.groupId,
            type: 'attached',
            context: ctx.resolved.name,
            server: spec.cluster.server,
            userName: ctx.resolved.userName ?? '',
            namespace: ctx.resolved.namespace,
            authKind: ctx.resolved.auth.kind,
            commandLine: cmd?.commandLine,
            commandFingerprint: cmd?.fingerprint,
            tlsServerName: spec.cluster.tlsServerName,
            insecure: spec.cluster.insecureSkipTlsVerify,
            source: ctx.resolved.source.file,
            attachedAt: now().toISOString(),
            labels: item.labels,
          },
        });
        results.push({ context: item.context, ok: true, clusterId: id, name: item.name });
      }
      if (good.length > 0) {
        store.insertClusters(
          good.map((g) => g.record),
          () => {
            for (const g of good) vault.put(g.record.id, g.spec);
          },
        );
        for (const g of good) connections.add(g.record.id, g.record.server);
        deps.changed(
          good.map((g) => g.record.id),
          'attached',
        );
      }
      return { results };
    },

    list(query: ClusterQuery) {
      return queryClusters(rows(), query);
    },

    get(id: string): ClusterDetail {
      const r = record(id);
      const conn = connections.state(id);
      return {
        ...row(id),
        namespace: r.namespace,
        authKind: r.authKind,
        credentialCommand: r.commandLine,
        tlsServerName: r.tlsServerName,
        insecureSkipTlsVerify: r.insecure,
        nextRetryAt: conn && conn.state !== 'ready' ? new Date(conn.nextAt).toISOString() : undefined,
      };
    },

    async overview(id: string): Promise<Overview> {
      const base = row(id);
      const observation = connections.observation(id);
      const d = derived(observation);
      let components: Overview['components'] = [];
      const reachable = base.status === 'ready' || base.status === 'degraded';
      if (observation && reachable) {
        try {
          const systemPods = observation.pods.filter((p) => p.namespace === 'kube-system');
          components = componentHealth(await readControlPlane(kubeConfigFor(id), systemPods, 5_000));
        } catch (error) {
          deps.log.warn(`overview ${id}: control-plane health unavailable`, error);
        }
      }
      if (components.length === 0) {
        components = ['kube-apiserver', 'etcd', 'scheduler', 'controller-manager'].map((name) => ({
          name,
          status: 'unknown' as const,
          message: base.statusMessage,
          source: 'none',
        }));
      }
      const f = d?.figures;
      return {
        id,
        name: base.name,
        groupId: base.groupId,
        groupName: base.groupName,
        provider: base.provider,
        region: d?.provider.region,
        version: base.version,
        status: base.status,
        statusMessage: base.statusMessage,
        namespaces: observation?.namespaces,
        pods: f?.pods,
        controlPlaneNodes: f?.controlPlaneNodes,
        workerNodes: f?.workerNodes,
        totalCores: f?.cpu.allocatable,
        totalMemoryBytes: f?.memory.allocatable,
        created: f?.created,
        cpu: f?.cpu,
        memory: f?.memory,
        components,
        workers: {
          total: f?.workerNodes ?? 0,
          ready: observation
            ? observation.nodes.filter((n) => !n.controlPlane && n.ready && !n.problem).length
            : 0,
          notReady: observation
            ? observation.nodes
                .filter((n) => !n.controlPlane && (!n.ready || n.problem))
                .map((n) => ({ name: n.name, reason: n.problem ?? 'NotReady' }))
            : [],
        },
        labels: base.labels,
        observedAt: observation?.at,
      };
    },

    update(
      id: string,
      patch: { name?: string; description?: string; labels?: Record<string, string>; groupId?: string },
    ) {
      const r = record(id);
      if (patch.name !== undefined && patch.name !== r.name) {
        const p = nameProblem(patch.name);
        if (p) throw new AppError('INVALID_ARGUMENT', p);
        if (store.clusterByName(patch.name)) {
          throw new AppError('CONFLICT', `A cluster named "${patch.name}" is attached already.`);
        }
      }
      if (patch.labels) {
        const p = labelsProblem(patch.labels);
        if (p) throw new AppError('INVALID_ARGUMENT', p);
      }
      if (patch.groupId !== undefined) checkGroup(patch.groupId);
      store.updateCluster(id, patch);
      deps.changed([id], 'updated');
      return row(id);
    },

    move(ids: string[], groupId: string) {
      checkGroup(groupId);
      for (const id of ids) record(id);
      const moved = store.moveClusters(ids, groupId);
      deps.changed(ids, 'moved');
      return { moved };
    },

    /** Forgets clusters and their credentials; a protected cluster needs its name typed. */
    detach(ids: string[], confirmNames: string[]) {
      const records = ids.map(record);
      for (const r of records) {
        if (isProtected(r.labels) && !confirmNames.includes(r.name)) {
          throw new AppError(
            'PERMISSION_DENIED',
            `Cluster "${r.name}" is protected (label flotilla.io/protected: "true"); type its name to detach it.`,
          );
        }
      }
      store.deleteClusters(ids, () => {
        for (const id of ids) vault.delete(id);
      });
      for (const id of ids) {
        connections.remove(id);
        forget(id);
      }
      deps.changed(ids, 'detached');
      return { detached: records.map((r) => r.name) };
    },

    async verify(input: { id: string } | { importId: string; context: string }): Promise<Verification> {
      if ('id' in input) {
        const r = record(input.id);
        let kc: KubeConfig;
        try {
          kc = kubeConfigFor(input.id);
        } catch (error) {
          return verifyFailure(error);
        }
        return verifyConnection(kc, r.server);
      }
      const ctx = imports.context(input.importId, input.context);
      try {
        const spec = toConnectionSpec(ctx.resolved);
        const kc = buildKubeConfig(spec, { approved: store.approvals() });
        return await verifyConnection(kc, spec.cluster.server);
      } catch (error) {
        return verifyFailure(error);
      }
    },

    reconnect(ids: string[]) {
      for (const id of ids) {
        record(id);
        forget(id);
        connections.reconnect(id);
      }
      return { ids };
    },
  };
}
export type FleetService = ReturnType<typeof createFleetService>;

function verifyFailure(error: unknown): Verification {
  if (error instanceof AppError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  const notApproved = (error as { code?: string }).code === 'NOT_APPROVED';
  return {
    reachable: false,
    state: 'unauthorized',
    message,
    failure: notApproved ? 'not-approved' : 'config',
    elapsedMs: 0,
    permissions: [],
    access: 'unknown',
  };
}
