import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ContextView, Inspection, SystemSources } from '../../../shared/contract/fleet';
import { AppError } from '../../../shared/contract/result';
import {
  KubeconfigError,
  kubeconfigPaths,
  loadKubeconfigFile,
  mergeKubeconfigs,
  parseKubeconfig,
  resolveContexts,
  toPublicView,
  type DiscoverOptions,
  type KubeconfigFile,
  type ResolvedContext,
} from '../../kube/kubeconfig';
import { suggestName } from './names';

/** One context of an import, kept in main with its secrets; only its public view crosses. */
export interface ImportedContext {
  key: string;
  resolved: ResolvedContext;
}

export interface ImportSession {
  id: string;
  contexts: Map<string, ImportedContext>;
  createdAt: number;
}

export interface ImportDeps {
  /** Fingerprints of approved exec/auth-provider commands. */
  approvals(): ReadonlySet<string>;
  /** An attached cluster with the same server and user, if any. */
  attachedAs(server: string | undefined, user: string | undefined): { id: string; name: string } | undefined;
  now?: () => number;
  /** How long an inspected kubeconfig is kept for attach (default one hour). */
  ttlMs?: number;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads kubeconfigs (texts, paths or the system set), keeps the parsed result under an
 * import id and hands out the public view of each context.
 */
export function createImports(deps: ImportDeps) {
  const sessions = new Map<string, ImportSession>();
  const now = deps.now ?? Date.now;
  const ttl = deps.ttlMs ?? 60 * 60 * 1000;

  function prune() {
    for (const [id, s] of sessions) if (now() - s.createdAt > ttl) sessions.delete(id);
  }

  function view(ctx: ImportedContext): ContextView {
    const v = toPublicView(ctx.resolved);
    const approvals = deps.approvals();
    return {
      key: ctx.key,
      name: v.name,
      source: v.source,
      clusterName: v.clusterName,
      userName: v.userName,
      server: v.server,
      namespace: v.namespace,
      authKind: v.authKind,
      authMethods: v.authMethods,
      insecureSkipTlsVerify: v.insecureSkipTlsVerify,
      tlsServerName: v.tlsServerName,
      proxyUrl: v.proxyUrl,
      credentialCommand: v.credentialCommand
        ? { ...v.credentialCommand, approved: approvals.has(v.credentialCommand.fingerprint) }
        : undefined,
      ok: v.ok,
      problems: v.problems,
      suggestedName: suggestName(v.name),
      attachedAs: deps.attachedAs(ctx.resolved.server, ctx.resolved.userName),
    };
  }

  /**
   * Files given together are each resolved on their own (a context uses its own file's
   * clusters and users); a context name used by two files gets the file in its key.
   * `merge` applies kubectl's rules instead (the $KUBECONFIG list).
   */
  function open(files: KubeconfigFile[], merge: boolean, fileErrors: Inspection['fileErrors']): Inspection {
    prune();
    const resolved: ResolvedContext[] = merge
      ? resolveContexts(mergeKubeconfigs(files))
      : files.flatMap((f) => resolveContexts(mergeKubeconfigs([f])));
    const counts = new Map<string, number>();
    for (const r of resolved) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
    const session: ImportSession = { id: randomUUID(), contexts: new Map(), createdAt: now() };
    for (const r of resolved) {
      let key = r.name;
      if ((counts.get(r.name) ?? 0) > 1) key = `${r.name} (${path.basename(r.source.file)})`;
      for (let i = 2; session.contexts.has(key); i++)
        key = `${r.name} (${path.basename(r.source.file)} ${i})`;
      session.contexts.set(key, { key, resolved: r });
    }
    sessions.set(session.id, session);
    const merged = mergeKubeconfigs(files);
    return {
      importId: session.id,
      sources: files.map((f) => f.source),
      currentContext: merged.currentContext,
      contexts: [...session.contexts.values()].map(view),
      fileErrors,
      problems: merged.problems,
    };
  }

  function readFile(read: () => KubeconfigFile, source: string, fileErrors: Inspection['fileErrors']) {
    try {
      return read();
    } catch (error) {
      fileErrors.push({
        source: error instanceof KubeconfigError && error.file ? error.file : source,
        message: describe(error),
        line: error instanceof KubeconfigError ? error.line : undefined,
      });
      return undefined;
    }
  }

  return {
    inspect(input: { texts?: Array<{ label: string; text: string }>; paths?: string[] }): Inspection {
      const fileErrors: Inspection['fileErrors'] = [];
      const files: KubeconfigFile[] = [];
      for (const t of input.texts ?? []) {
        const f = readFile(() => parseKubeconfig(t.text, { source: t.label }), t.label, fileErrors);
        if (f) files.push(f);
      }
      for (const p of input.paths ?? []) {
        const f = readFile(() => loadKubeconfigFile(p), p, fileErrors);
        if (f) files.push(f);
      }
      if (files.length === 0 && fileErrors.length === 0) {
        throw new AppError('INVALID_ARGUMENT', 'Give a kubeconfig: a file, dropped files or pasted text.');
      }
      return open(files, false, fileErrors);
    },

    /** ~/.kube/config or $KUBECONFIG, merged by kubectl's rules. */
    system(options: DiscoverOptions = {}): SystemSources {
      const env = options.env ?? process.env;
      const paths = kubeconfigPaths(options);
      const fileErrors: Inspection['fileErrors'] = [];
      const files: KubeconfigFile[] = [];
      const listed: SystemSources['files'] = [];
      for (const p of paths) {
        const exists = fs.existsSync(p);
        if (!exists) {
          listed.push({ path: p, exists });
          continue;
        }
        const f = readFile(() => loadKubeconfigFile(p), p, fileErrors);
        listed.push({ path: p, exists, error: f ? undefined : fileErrors[fileErrors.length - 1]?.message });
        if (f) files.push(f);
      }
      return { ...open(files, true, fileErrors), files: listed, fromEnv: !!env.KUBECONFIG?.trim() };
    },

    context(importId: string, key: string): ImportedContext {
      prune();
      const session = sessions.get(importId);
      if (!session) {
        throw new AppError(
          'NOT_FOUND',
          'This kubeconfig import has expired or is unknown; open the kubeconfig again.',
        );
      }
      const ctx = session.contexts.get(key);
      if (!ctx) throw new AppError('NOT_FOUND', `Context "${key}" is not in this kubeconfig.`);
      return ctx;
    },

    view,
  };
}
export type Imports = ReturnType<typeof createImports>;
