import fs from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeconfigError } from './errors';
import { describeAuthProvider, describeExecCommand, type CredentialCommand } from './exec-command';
import type { AuthProviderConfig, ExecConfig } from './model';
import type { ResolvedContext } from './validate';

/**
 * Everything needed to connect to one attached context, self-contained (certificate files
 * inlined, paths absolute) and JSON-serialisable: this is what the credential vault stores.
 * A tokenFile stays a path and is read on every connect, because such tokens rotate.
 */
export interface ConnectionSpec {
  context: string;
  namespace?: string;
  cluster: {
    name: string;
    server: string;
    caPem?: string;
    insecureSkipTlsVerify: boolean;
    tlsServerName?: string;
    proxyUrl?: string;
  };
  user: {
    name: string;
    token?: string;
    tokenFile?: string;
    certPem?: string;
    keyPem?: string;
    username?: string;
    password?: string;
    exec?: ExecConfig;
    authProvider?: AuthProviderConfig;
    /** `as`: the user to impersonate. */
    impersonate?: string;
  };
}

/** The connection spec of a checked context; refuses a context that has errors. */
export function toConnectionSpec(ctx: ResolvedContext): ConnectionSpec {
  if (!ctx.ok || !ctx.cluster?.server) {
    const first = ctx.problems.find((p) => p.severity === 'error');
    throw new KubeconfigError(
      'BROKEN_CONTEXT',
      `context "${ctx.name}" cannot be attached: ${first?.message ?? 'it has no cluster'}`,
      first?.file,
      first?.line,
    );
  }
  const u = ctx.user;
  return {
    context: ctx.name,
    namespace: ctx.namespace,
    cluster: {
      name: ctx.cluster.name,
      server: ctx.cluster.server,
      caPem: ctx.material.caPem,
      insecureSkipTlsVerify: ctx.cluster.insecureSkipTlsVerify,
      tlsServerName: ctx.cluster.tlsServerName,
      proxyUrl: ctx.cluster.proxyUrl,
    },
    user: {
      name: u?.name ?? '',
      token: u?.token,
      tokenFile: u?.token ? undefined : u?.tokenFile,
      certPem: ctx.material.certPem,
      keyPem: ctx.material.keyPem,
      username: u?.username,
      password: u?.password,
      exec: u?.exec,
      authProvider: u?.authProvider,
      impersonate: u?.impersonate,
    },
  };
}

/** The exec/auth-provider command a spec would run, if any. */
export function specCommand(spec: ConnectionSpec): CredentialCommand | undefined {
  if (spec.user.exec) return describeExecCommand(spec.user.exec);
  if (spec.user.authProvider) return describeAuthProvider(spec.user.authProvider);
  return undefined;
}

export interface BuildOptions {
  /** Fingerprints of the credential commands the user approved. */
  approved: ReadonlySet<string>;
  readFile?: (file: string) => string;
}

const b64 = (s: string | undefined) =>
  s === undefined ? undefined : Buffer.from(s, 'utf8').toString('base64');

/**
 * A @kubernetes/client-node KubeConfig holding just this context, so connections go through
 * the real client library. Throws NOT_APPROVED when its exec/auth-provider command has not
 * been approved: that command never runs unapproved.
 */
export function buildKubeConfig(spec: ConnectionSpec, options: BuildOptions): KubeConfig {
  const command = specCommand(spec);
  if (command && !options.approved.has(command.fingerprint)) {
    throw new KubeconfigError(
      'NOT_APPROVED',
      `context "${spec.context}" needs approval before Flotilla runs: ${command.commandLine}`,
    );
  }
  let token = spec.user.token;
  if (!token && spec.user.tokenFile) {
    const read = options.readFile ?? ((f: string) => fs.readFileSync(f, 'utf8'));
    try {
      token = read(spec.user.tokenFile).trim();
    } catch (error) {
      throw new KubeconfigError(
        'UNREADABLE',
        `context "${spec.context}": cannot read tokenFile ${spec.user.tokenFile}: ${(error as Error).message}`,
        spec.user.tokenFile,
      );
    }
  }
  const userName = spec.user.name || `${spec.context}-anonymous`;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: spec.cluster.name,
        server: spec.cluster.server,
        caData: b64(spec.cluster.caPem),
        // client-node refuses http:// unless skipTLSVerify is set; plain http has no TLS to verify anyway.
        skipTLSVerify: spec.cluster.insecureSkipTlsVerify || spec.cluster.server.startsWith('http:'),
        tlsServerName: spec.cluster.tlsServerName,
        proxyUrl: spec.cluster.proxyUrl,
      },
    ],
    users: [
      {
        name: userName,
        token,
        certData: b64(spec.user.certPem),
        keyData: b64(spec.user.keyPem),
        username: spec.user.username,
        password: spec.user.password,
        exec: spec.user.exec
          ? {
              apiVersion: spec.user.exec.apiVersion,
              command: spec.user.exec.command,
              args: spec.user.exec.args,
              env: spec.user.exec.env,
              interactiveMode: spec.user.exec.interactiveMode,
            }
          : undefined,
        authProvider: spec.user.authProvider,
        impersonateUser: spec.user.impersonate,
      },
    ],
    contexts: [{ name: spec.context, cluster: spec.cluster.name, user: userName, namespace: spec.namespace }],
    currentContext: spec.context,
  });
  return kc;
}
