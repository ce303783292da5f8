import path from 'node:path';
import type { X509Certificate } from 'node:crypto';
import { describeFsError } from './discover';
import type { ClusterEntry, ContextEntry, MergedKubeconfig, Problem, UserEntry } from './model';
import { decodeBase64Strict, parseCertificates } from './pem';

/** File access used to read certificate, key and token files (injectable for tests). */
export interface FileAccess {
  read(file: string): Buffer;
  /** Whether an executable of that name/path exists (for exec commands). */
  findExecutable(command: string): boolean;
}

/** Secrets loaded for a context: what a client needs to connect. Never leaves main. */
export interface Material {
  caPem?: string;
  certPem?: string;
  keyPem?: string;
  token?: string;
}

/** A URL with any user:password@ removed, for messages. */
export function withoutUserInfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

function at(file: string, line: number | undefined): string {
  return line === undefined ? file : `${file}:${line}`;
}

/** Collects the problems and the loaded material of one context while its parts are checked. */
export class Checker {
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
}
