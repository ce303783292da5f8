import fs from 'node:fs';
import path from 'node:path';
import { classifyAuth, type AuthSummary } from './auth';
import { Checker, type FileAccess, type Material } from './checker';
import { KubeconfigError } from './errors';
import { credentialCommandOf, type CredentialCommand } from './exec-command';
import type { ClusterEntry, MergedKubeconfig, Problem, SourcePos, UserEntry } from './model';
import { checkUser } from './user-checks';

export { withoutUserInfo, type FileAccess, type Material } from './checker';

/** Reads files from disk and looks commands up on PATH. */

export const nodeFileAccess: FileAccess = {
  read: (file) => fs.readFileSync(file),
  findExecutable(command) {
    const candidates =
      command.includes('/') || command.includes('\\')
        ? [command]
        : (process.env.PATH ?? '')
            .split(path.delimiter)
            .filter(Boolean)
            .map((dir) => path.join(dir, command));
    return candidates.some((c) => {
      try {
        return fs.statSync(c).isFile();
      } catch {
        return false;
      }
    });
  },
};

export interface ResolvedContext {
  name: string;
  source: SourcePos;
  clusterName?: string;
  userName?: string;
  cluster?: ClusterEntry;
  user?: UserEntry;
  namespace?: string;
  server?: string;
  auth: AuthSummary;
  /** The exec/auth-provider command that needs approval, if any. */
  command?: CredentialCommand;
  problems: Problem[];
  /** True when no problem is an error. */
  ok: boolean;
  material: Material;
}

export interface ResolveOptions {
  files?: FileAccess;
  now?: Date;
}

/** Every context of a merged kubeconfig, resolved and checked, in file order. */
export function resolveContexts(merged: MergedKubeconfig, options: ResolveOptions = {}): ResolvedContext[] {
  return [...merged.contexts.keys()].map((name) => resolveContext(merged, name, options));
}

/** Resolves one context's cluster and user, loads its certificate/key/token material and checks it all. */
export function resolveContext(
  merged: MergedKubeconfig,
  name: string,
  options: ResolveOptions = {},
): ResolvedContext {
  const ctx = merged.contexts.get(name);
  if (!ctx) {
    const where = merged.sources.join(', ') || 'the kubeconfig';
    throw new KubeconfigError('UNKNOWN_CONTEXT', `context "${name}" is not defined in ${where}`);
  }
  const check = new Checker(options.files ?? nodeFileAccess, options.now ?? new Date());
  check.problems.push(...ctx.problems);
  const cluster = ctx.cluster ? merged.clusters.get(ctx.cluster) : undefined;
  const user = ctx.user ? merged.users.get(ctx.user) : undefined;
  check.context(ctx, cluster, user, merged);
  if (cluster) check.cluster(cluster, ctx.name);
  if (user) checkUser(check, user, ctx.name);
  const auth = classifyAuth(user);
  return {
    name,
    source: ctx.source,
    clusterName: ctx.cluster,
    userName: ctx.user,
    cluster,
    user,
    namespace: ctx.namespace,
    server: cluster?.server,
    auth,
    command: credentialCommandOf(user),
    problems: check.problems,
    ok: !check.problems.some((p) => p.severity === 'error'),
    material: check.material,
  };
}
