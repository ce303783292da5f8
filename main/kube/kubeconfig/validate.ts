import fs from 'node:fs';
import path from 'node:path';
import type { KeyObject, X509Certificate } from 'node:crypto';
import { classifyAuth, type AuthSummary } from './auth';
import { describeFsError } from './discover';
import { credentialCommandOf, type CredentialCommand } from './exec-command';
import type { ClusterEntry, ContextEntry, MergedKubeconfig, Problem, SourcePos, UserEntry } from './model';
import { decodeBase64Strict, parseCertificates, parsePrivateKey } from './pem';

/** File access used to read certificate, key and token files (injectable for tests). */
export interface FileAccess {
  read(file: string): Buffer;
  /** Whether an executable of that name/path exists (for exec commands). */
  findExecutable(command: string): boolean;
}

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

/** Secrets loaded for a context: what a client needs to connect. Never leaves main. */
export interface Material {
  caPem?: string;
  certPem?: string;
  keyPem?: string;
  token?: string;
}

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

const EXEC_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];
const INTERACTIVE_MODES = ['Never', 'IfAvailable', 'Always'];
const KNOWN_PROVIDERS = ['oidc', 'gcp', 'azure'];

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
  if (!ctx)
    throw new Error(`context "${name}" is not defined in ${merged.sources.join(', ') || 'the kubeconfig'}`);
  const check = new Checker(options.files ?? nodeFileAccess, options.now ?? new Date());
  check.problems.push(...ctx.problems);
  const cluster = ctx.cluster ? merged.clusters.get(ctx.cluster) : undefined;
  const user = ctx.user ? merged.users.get(ctx.user) : undefined;
  check.context(ctx, cluster, user, merged);
  if (cluster) check.cluster(cluster, ctx.name);
  if (user) check.user(user, ctx.name);
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

/** A URL with any user:password@ removed, for messages. */
export function withoutUserInfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

function at(file: string, line: number | undefined): string {
  return line === undefined ? file : `${file}:${line}`;
}

class Checker {
  problems: Problem[] = [];
  material: Material = {};

  constructor(
    readonly files: FileAccess,
    readonly now: Date,
  ) {}

  add(severity: Problem['severity'], field: string, message: string, file: string, line: number | undefined) {
    this.problems.push({ severity, field, message: `${message} (${at(file, line)})`, file, line });
  }

  context(
    ctx: ContextEntry,
    cluster: ClusterEntry | undefined,
    user: UserEntry | undefined,
    merged: MergedKubeconfig,
  ) {
    const f = ctx.source.file;
    const files = merged.sources.length === 1 ? 'the file' : 'any of the merged files';
    if (!ctx.cluster)
      this.add('error', 'cluster', `context "${ctx.name}" names no cluster`, f, ctx.source.line);
    else if (!cluster) {
      this.add(
        'error',
        'cluster',
        `context "${ctx.name}" refers to cluster "${ctx.cluster}", which is not defined in ${files}`,
        f,
        ctx.lines.cluster ?? ctx.source.line,
      );
    }
    if (ctx.user && !user) {
      this.add(
        'error',
        'user',
        `context "${ctx.name}" refers to user "${ctx.user}", which is not defined in ${files}`,
        f,
        ctx.lines.user ?? ctx.source.line,
      );
    }
  }

  /** Reads a file named by a field; reports which file and why when it cannot. */
  readFile(
    owner: string,
    field: string,
    file: string,
    srcFile: string,
    line: number | undefined,
  ): Buffer | undefined {
    if (!path.isAbsolute(file)) {
      this.add(
        'error',
        field,
        `${owner}: ${field} "${file}" is a relative path and this kubeconfig has no folder to resolve it against`,
        srcFile,
        line,
      );
      return undefined;
    }
    try {
      return this.files.read(file);
    } catch (error) {
      this.add(
        'error',
        field,
        `${owner}: cannot read ${field} file ${file}: ${describeFsError(error)}`,
        srcFile,
        line,
      );
      return undefined;
    }
  }

  /** A certificate from `<field>-data` (base64) or `<field>` (file). */
  certificate(
    owner: string,
    field: string,
    data: string | undefined,
    file: string | undefined,
    entry: ClusterEntry | UserEntry,
  ): { pem: string; certs: X509Certificate[] } | undefined {
    const src = entry.source.file;
    let bytes: Buffer | undefined;
    let label = field;
    if (data !== undefined && data !== '') {
      label = `${field}-data`;
      const decoded = decodeBase64Strict(data);
      if (!decoded.ok) {
        this.add('error', label, `${owner}: ${label} ${decoded.reason}`, src, entry.lines[label]);
        return undefined;
      }
      bytes = decoded.value;
    } else if (file) {
      bytes = this.readFile(owner, field, file, src, entry.lines[field]);
      label = `${field} file ${file}`;
    }
    if (!bytes) return undefined;
    const parsed = parseCertificates(bytes, this.now);
    if (!parsed.ok) {
      this.add(
        'error',
        data ? `${field}-data` : field,
        `${owner}: ${label} ${parsed.reason}`,
        src,
        entry.lines[data ? `${field}-data` : field],
      );
      return undefined;
    }
    for (const e of parsed.value.expired)
      this.add(
        'warning',
        field,
        `${owner}: ${label}: ${e}`,
        src,
        entry.lines[data ? `${field}-data` : field],
      );
    return { pem: bytes.toString('utf8'), certs: parsed.value.certs };
  }

  cluster(c: ClusterEntry, contextName: string) {
    this.problems.push(...c.problems);
    const owner = `cluster "${c.name}" (context "${contextName}")`;
    const src = c.source.file;
    if (!c.server)
      this.add('error', 'server', `${owner} has no server`, src, c.lines.server ?? c.source.line);
    else {
      let url: URL | undefined;
      try {
        url = new URL(c.server);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
        this.add(
          'error',
          'server',
          `${owner}: server "${withoutUserInfo(c.server)}" is not an https:// or http:// URL`,
          src,
          c.lines.server,
        );
      } else if (url.protocol === 'http:') {
        this.add(
          'warning',
          'server',
          `${owner}: server ${withoutUserInfo(c.server)} uses plain http, so credentials travel unencrypted`,
          src,
          c.lines.server,
        );
      }
    }
    if (c.proxyUrl) {
      let ok = false;
      try {
        ok = ['http:', 'https:', 'socks5:'].includes(new URL(c.proxyUrl).protocol);
      } catch {
        ok = false;
      }
      if (!ok)
        this.add(
          'error',
          'proxy-url',
          `${owner}: proxy-url "${withoutUserInfo(c.proxyUrl)}" is not an http, https or socks5 URL`,
          src,
          c.lines['proxy-url'],
        );
    }
    const hasCa = Boolean(c.certificateAuthority || c.certificateAuthorityData);
    if (c.insecureSkipTlsVerify && hasCa) {
      this.add(
        'error',
        'insecure-skip-tls-verify',
        `${owner}: insecure-skip-tls-verify cannot be combined with a certificate authority (kubectl refuses this too); remove one of them`,
        src,
        c.lines['insecure-skip-tls-verify'],
      );
    } else if (c.insecureSkipTlsVerify) {
      this.add(
        'warning',
        'insecure-skip-tls-verify',
        `${owner}: insecure-skip-tls-verify is set, so the server's certificate is not checked`,
        src,
        c.lines['insecure-skip-tls-verify'],
      );
    }
    if (c.certificateAuthority && c.certificateAuthorityData) {
      this.add(
        'warning',
        'certificate-authority',
        `${owner}: both certificate-authority and certificate-authority-data are set; the data is used`,
        src,
        c.lines['certificate-authority'],
      );
    }
    const ca = this.certificate(
      owner,
      'certificate-authority',
      c.certificateAuthorityData,
      c.certificateAuthority,
      c,
    );
    if (ca) this.material.caPem = ca.pem;
  }

  user(u: UserEntry, contextName: string) {
    this.problems.push(...u.problems);
    const owner = `user "${u.name}" (context "${contextName}")`;
    const src = u.source.file;
    const line = (k: string) => u.lines[k] ?? u.source.line;
    if (u.exec && u.authProvider)
      this.add('error', 'exec', `${owner}: exec and auth-provider cannot both be set`, src, line('exec'));
    if ((u.token || u.tokenFile) && (u.username || u.password)) {
      this.add(
        'error',
        'token',
        `${owner}: more than one authentication method (token and basic auth); only one is allowed`,
        src,
        line('token'),
      );
    }
    if (u.token) this.material.token = u.token;
    else if (u.tokenFile) {
      const bytes = this.readFile(owner, 'tokenFile', u.tokenFile, src, line('tokenFile'));
      if (bytes) {
        const token = bytes.toString('utf8').trim();
        if (token === '')
          this.add(
            'error',
            'tokenFile',
            `${owner}: tokenFile ${u.tokenFile} is empty`,
            src,
            line('tokenFile'),
          );
        else this.material.token = token;
      }
    }
    if (u.username && !u.password)
      this.add('warning', 'password', `${owner}: username without password`, src, line('username'));
    this.clientCertificate(u, owner);
    if (u.exec) this.exec(u, owner);
    if (u.authProvider) this.authProvider(u, owner);
  }

  clientCertificate(u: UserEntry, owner: string) {
    const src = u.source.file;
    const line = (k: string) => u.lines[k] ?? u.source.line;
    if (u.clientCertificate && u.clientCertificateData) {
      this.add(
        'error',
        'client-certificate',
        `${owner}: client-certificate and client-certificate-data are both set; keep one`,
        src,
        line('client-certificate'),
      );
    }
    if (u.clientKey && u.clientKeyData) {
      this.add(
        'error',
        'client-key',
        `${owner}: client-key and client-key-data are both set; keep one`,
        src,
        line('client-key'),
      );
    }
    const hasCert = Boolean(u.clientCertificate || u.clientCertificateData);
    const hasKey = Boolean(u.clientKey || u.clientKeyData);
    if (hasCert && !hasKey)
      this.add(
        'error',
        'client-key',
        `${owner}: a client certificate is set but no client-key or client-key-data`,
        src,
        line('client-certificate-data'),
      );
    if (hasKey && !hasCert)
      this.add(
        'error',
        'client-certificate',
        `${owner}: a client key is set but no client-certificate or client-certificate-data`,
        src,
        line('client-key-data'),
      );
    const cert = hasCert
      ? this.certificate(owner, 'client-certificate', u.clientCertificateData, u.clientCertificate, u)
      : undefined;
    let key: KeyObject | undefined;
    if (hasKey) {
      let bytes: Buffer | undefined;
      let label = 'client-key-data';
      if (u.clientKeyData) {
        const decoded = decodeBase64Strict(u.clientKeyData);
        if (decoded.ok) bytes = decoded.value;
        else
          this.add(
            'error',
            'client-key-data',
            `${owner}: client-key-data ${decoded.reason}`,
            src,
            line('client-key-data'),
          );
      } else if (u.clientKey) {
        label = `client-key file ${u.clientKey}`;
        bytes = this.readFile(owner, 'client-key', u.clientKey, src, line('client-key'));
      }
      if (bytes) {
        const parsed = parsePrivateKey(bytes);
        const field = u.clientKeyData ? 'client-key-data' : 'client-key';
        if (parsed.ok) {
          key = parsed.value;
          this.material.keyPem = bytes.toString('utf8');
        } else this.add('error', field, `${owner}: ${label} ${parsed.reason}`, src, line(field));
      }
    }
    if (cert) this.material.certPem = cert.pem;
    const leaf = cert?.certs[0];
    if (leaf && key && !leaf.checkPrivateKey(key)) {
      this.add(
        'error',
        'client-key',
        `${owner}: the client key does not belong to the client certificate`,
        src,
        line(u.clientKeyData ? 'client-key-data' : 'client-key'),
      );
    }
  }

  exec(u: UserEntry, owner: string) {
    const e = u.exec!;
    const src = u.source.file;
    const line = u.lines.exec ?? u.source.line;
    if (!e.command) this.add('error', 'exec.command', `${owner}: exec has no command`, src, line);
    if (!e.apiVersion)
      this.add(
        'error',
        'exec.apiVersion',
        `${owner}: exec has no apiVersion (use client.authentication.k8s.io/v1)`,
        src,
        line,
      );
    else if (!EXEC_VERSIONS.includes(e.apiVersion)) {
      this.add(
        'error',
        'exec.apiVersion',
        `${owner}: exec apiVersion ${e.apiVersion} is not supported (use client.authentication.k8s.io/v1 or v1beta1)`,
        src,
        line,
      );
    }
    const mode = e.interactiveMode ?? (e.apiVersion === EXEC_VERSIONS[1] ? 'IfAvailable' : undefined);
    if (mode === undefined) {
      if (e.apiVersion === EXEC_VERSIONS[0])
        this.add(
          'error',
          'exec.interactiveMode',
          `${owner}: exec with apiVersion v1 must set interactiveMode (Never, IfAvailable or Always)`,
          src,
          line,
        );
    } else if (!INTERACTIVE_MODES.includes(mode)) {
      this.add(
        'error',
        'exec.interactiveMode',
        `${owner}: exec interactiveMode "${mode}" is not one of Never, IfAvailable, Always`,
        src,
        line,
      );
    } else if (mode === 'Always') {
      this.add(
        'warning',
        'exec.interactiveMode',
        `${owner}: exec interactiveMode Always needs a terminal, which Flotilla cannot provide`,
        src,
        line,
      );
    }
    if (e.command && !this.files.findExecutable(e.command)) {
      const hint = e.installHint ? ` Install hint: ${e.installHint.trim()}` : '';
      this.add(
        'warning',
        'exec.command',
        `${owner}: exec command "${e.command}" was not found${e.command.includes('/') ? '' : ' on PATH'}.${hint}`,
        src,
        line,
      );
    }
  }

  authProvider(u: UserEntry, owner: string) {
    const p = u.authProvider!;
    const src = u.source.file;
    const line = u.lines['auth-provider'] ?? u.source.line;
    if (!p.name) this.add('error', 'auth-provider.name', `${owner}: auth-provider has no name`, src, line);
    else if (!KNOWN_PROVIDERS.includes(p.name)) {
      this.add(
        'error',
        'auth-provider.name',
        `${owner}: auth-provider "${p.name}" is unknown (oidc, gcp and azure are)`,
        src,
        line,
      );
    } else if (p.name === 'oidc') {
      for (const key of ['idp-issuer-url', 'client-id']) {
        if (!p.config[key])
          this.add(
            'error',
            `auth-provider.config.${key}`,
            `${owner}: oidc auth-provider has no ${key}`,
            src,
            line,
          );
      }
    } else {
      this.add(
        'warning',
        'auth-provider.name',
        `${owner}: the ${p.name} auth-provider was removed from kubectl 1.26; switch to its exec plugin`,
        src,
        line,
      );
    }
  }
}
