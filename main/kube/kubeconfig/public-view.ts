import { createHash } from 'node:crypto';
import type { AuthKind } from './auth';
import type { Problem } from './model';
import { suggestClusterName } from './suggest-name';
import { withoutUserInfo, type ResolvedContext } from './validate';

/**
 * What may cross to the renderer about a kubeconfig context: names, server, namespace,
 * auth kind, problems, and the exec/auth-provider command line to approve. No token,
 * password, key, certificate or auth-provider secret is ever copied into it.
 */
export interface PublicContextView {
  /** Stable id: sha256 of source file + context name, first 16 hex digits. */
  id: string;
  name: string;
  source: string;
  clusterName?: string;
  userName?: string;
  server?: string;
  namespace?: string;
  authKind: AuthKind;
  authMethods: AuthKind[];
  insecureSkipTlsVerify: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
  credentialCommand?: {
    kind: 'exec' | 'auth-provider';
    commandLine: string;
    fingerprint: string;
    installHint?: string;
    provider?: string;
  };
  ok: boolean;
  problems: Problem[];
  /** A cluster name derived from the context name that passes the naming rule. */
  suggestedName: string;
}

/** Server and proxy URLs may carry user:password@; keep the rest as written. */
function safeUrl(url: string | undefined): string | undefined {
  return url === undefined ? undefined : withoutUserInfo(url);
}

export function contextId(source: string, name: string): string {
  return createHash('sha256').update(`${source}\0${name}`).digest('hex').slice(0, 16);
}

export function toPublicView(ctx: ResolvedContext): PublicContextView {
  const cmd = ctx.command;
  return {
    id: contextId(ctx.source.file, ctx.name),
    name: ctx.name,
    source: ctx.source.file,
    clusterName: ctx.clusterName,
    userName: ctx.userName,
    server: safeUrl(ctx.server),
    namespace: ctx.namespace,
    authKind: ctx.auth.kind,
    authMethods: [...ctx.auth.methods],
    insecureSkipTlsVerify: ctx.cluster?.insecureSkipTlsVerify ?? false,
    tlsServerName: ctx.cluster?.tlsServerName,
    proxyUrl: safeUrl(ctx.cluster?.proxyUrl),
    credentialCommand: cmd
      ? {
          kind: cmd.kind,
          commandLine: cmd.commandLine,
          fingerprint: cmd.fingerprint,
          installHint: cmd.installHint,
          provider: cmd.provider,
        }
      : undefined,
    ok: ctx.ok,
    problems: ctx.problems.map((p) => ({ ...p })),
    suggestedName: suggestClusterName(ctx.name),
  };
}
