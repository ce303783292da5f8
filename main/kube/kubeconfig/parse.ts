import path from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { KubeconfigError } from './errors';
import type {
  AuthProviderConfig,
  ClusterEntry,
  ContextEntry,
  ExecConfig,
  ExecEnvVar,
  KubeconfigFile,
  Problem,
  UserEntry,
} from './model';

export interface ParseOptions {
  /** The file path, or a label such as "pasted text" (used in every message). */
  source: string;
  /** Folder that relative paths are resolved against: the file's own folder. None for pasted text. */
  baseDir?: string;
  /** Decides whether a backslash in an exec command counts as a path separator. */
  platform?: NodeJS.Platform;
}

const TOP_LEVEL_KEYS = ['clusters', 'contexts', 'users', 'current-context', 'preferences', 'extensions'];

/** Reads a kubeconfig file's text into the model; throws KubeconfigError when it is not one at all. */
export function parseKubeconfig(text: string, options: ParseOptions): KubeconfigFile {
  const file = options.source;
  if (text.includes('\u0000')) {
    throw KubeconfigError.at('NOT_A_KUBECONFIG', file, 'not a kubeconfig: it is binary data, not text', 1);
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = lc.linePos(first.pos[0]);
    throw KubeconfigError.at('YAML_SYNTAX', file, `not valid YAML: ${first.message}`, pos.line, pos.col);
  }
  const result: KubeconfigFile = {
    source: file,
    baseDir: options.baseDir,
    clusters: [],
    users: [],
    contexts: [],
    problems: [],
  };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return result; // an empty file is an empty config
  if (!isMap(root)) {
    // never echo the text: a pasted token would end up in the message
    const kind = isSeq(root) ? 'a list' : 'plain text';
    throw KubeconfigError.at(
      'NOT_A_KUBECONFIG',
      file,
      `not a kubeconfig: the document is ${kind}, not a mapping`,
      root.range ? lc.linePos(root.range[0]).line : 1,
    );
  }
  const r = new Reader(file, lc, options.baseDir, options.platform ?? process.platform, result.problems);
  const top = r.fields(root);
  const kind = top.get('kind');
  if (kind && isScalar(kind.node) && kind.node.value !== null && kind.node.value !== 'Config') {
    throw KubeconfigError.at(
      'WRONG_KIND',
      file,
      `not a kubeconfig: kind is ${String(kind.node.value)}, expected Config`,
      kind.line,
    );
  }
  if (!kind && !TOP_LEVEL_KEYS.some((k) => top.has(k))) {
    throw KubeconfigError.at(
      'NOT_A_KUBECONFIG',
      file,
      'not a kubeconfig: it has no kind: Config and none of clusters, contexts, users or current-context',
      1,
    );
  }
  const apiVersion = top.get('apiVersion');
  if (
    apiVersion &&
    isScalar(apiVersion.node) &&
    apiVersion.node.value !== null &&
    apiVersion.node.value !== 'v1'
  ) {
    throw KubeconfigError.at(
      'WRONG_KIND',
      file,
      `not a kubeconfig: apiVersion is ${String(apiVersion.node.value)}, expected v1`,
      apiVersion.line,
    );
  }
  result.currentContext = r.string(top, 'current-context', 'current-context', result.problems) || undefined;
  result.clusters = r.list(top, 'clusters', 'cluster', (name, body, line) => r.cluster(name, body, line));
  result.users = r.list(top, 'users', 'user', (name, body, line) => r.user(name, body, line));
  result.contexts = r.list(top, 'contexts', 'context', (name, body, line) => r.context(name, body, line));
  return result;
}

interface Field {
  node: Node | null;
  line?: number;
}

class Reader {
  constructor(
    readonly file: string,
    readonly lc: LineCounter,
    readonly baseDir: string | undefined,
    readonly platform: NodeJS.Platform,
    readonly fileProblems: Problem[],
  ) {}

  line(node: Node | null | undefined): number | undefined {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : this.lc.linePos(offset).line;
  }

  at(line: number | undefined): string {
    return line === undefined ? this.file : `${this.file}:${line}`;
  }

  fields(map: YAMLMap): Map<string, Field> {
    const out = new Map<string, Field>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) continue;
      const value = (pair.value ?? null) as Node | null;
      out.set(key, { node: value, line: this.line(pair.key as Node) });
    }
    return out;
  }

  problem(
    problems: Problem[],
    field: string,
    what: string,
    line: number | undefined,
    severity: Problem['severity'] = 'error',
  ) {
    problems.push({ severity, field, message: `${what} (${this.at(line)})`, file: this.file, line });
  }

  /** A string field; numbers and booleans are reported (kubectl refuses them) but kept as text. */
  string(fields: Map<string, Field>, key: string, what: string, problems: Problem[]): string | undefined {
    const f = fields.get(key);
    if (!f || f.node === null) return undefined;
    if (isScalar(f.node)) {
      const v = f.node.value;
      if (v === null) return undefined;
      if (typeof v === 'string') return v;
      this.problem(problems, key, `${what}: ${key} must be a string, found a ${typeof v}`, f.line);
      return String(v);
    }
    this.problem(
      problems,
      key,
      `${what}: ${key} must be a string, found a ${isSeq(f.node) ? 'list' : 'mapping'}`,
      f.line,
    );
    return undefined;
  }

  bool(fields: Map<string, Field>, key: string, what: string, problems: Problem[]): boolean {
    const f = fields.get(key);
    if (!f || f.node === null || (isScalar(f.node) && f.node.value === null)) return false;
    if (isScalar(f.node) && typeof f.node.value === 'boolean') return f.node.value;
    this.problem(problems, key, `${what}: ${key} must be true or false`, f.line);
    return false;
  }

  path(p: string | undefined): string | undefined {
    if (p === undefined || p === '') return undefined;
    if (path.isAbsolute(p) || !this.baseDir) return p;
    return path.resolve(this.baseDir, p);
  }

  lines(fields: Map<string, Field>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, f] of fields) if (f.line !== undefined) out[k] = f.line;
    return out;
  }

  /** Reads `clusters`/`users`/`contexts`: a list of {name, <body>}; nameless items and repeats are reported. */
  list<T extends { name: string }>(
    top: Map<string, Field>,
    key: string,
    bodyKey: string,
    build: (name: string, body: Map<string, Field>, line: number | undefined) => T,
  ): T[] {
    const f = top.get(key);
    if (!f || f.node === null || (isScalar(f.node) && f.node.value === null)) return [];
    if (!isSeq(f.node)) {
      throw KubeconfigError.at('NOT_A_KUBECONFIG', this.file, `${key} must be a list`, f.line);
    }
    const out: T[] = [];
    const seen = new Map<string, number | undefined>();
    f.node.items.forEach((item, index) => {
      const itemNode = item as Node | null;
      const line = this.line(itemNode);
      if (!isMap(itemNode)) {
        this.problem(
          this.fileProblems,
          key,
          `${key}[${index}] is not a mapping with name and ${bodyKey}; it is ignored`,
          line,
        );
        return;
      }
      const fields = this.fields(itemNode);
      const name = this.string(fields, 'name', `${key}[${index}]`, this.fileProblems);
      if (!name) {
        this.problem(
          this.fileProblems,
          'name',
          `${key}[${index}] has no name; it is ignored`,
          line,
          'warning',
        );
        return;
      }
      if (seen.has(name)) {
        this.problem(
          this.fileProblems,
          'name',
          `${bodyKey} "${name}" is defined twice in this file (first at line ${seen.get(name)}); the first is used`,
          line,
          'warning',
        );
        return;
      }
      seen.set(name, line);
      const bodyField = fields.get(bodyKey);
      let body = new Map<string, Field>();
      if (bodyField && isMap(bodyField.node)) body = this.fields(bodyField.node);
      else if (
        bodyField &&
        bodyField.node !== null &&
        !(isScalar(bodyField.node) && bodyField.node.value === null)
      ) {
        this.problem(
          this.fileProblems,
          bodyKey,
          `${bodyKey} "${name}": ${bodyKey} must be a mapping`,
          bodyField.line,
        );
      }
      out.push(build(name, body, line));
    });
    return out;
  }

  cluster(name: string, b: Map<string, Field>, line: number | undefined): ClusterEntry {
    const problems: Problem[] = [];
    const what = `cluster "${name}"`;
    return {
      name,
      source: { file: this.file, line },
      lines: this.lines(b),
      server: this.string(b, 'server', what, problems),
      certificateAuthority: this.path(this.string(b, 'certificate-authority', what, problems)),
      certificateAuthorityData: this.string(b, 'certificate-authority-data', what, problems),
      insecureSkipTlsVerify: this.bool(b, 'insecure-skip-tls-verify', what, problems),
      tlsServerName: this.string(b, 'tls-server-name', what, problems),
      proxyUrl: this.string(b, 'proxy-url', what, problems),
      problems,
    };
  }

  user(name: string, b: Map<string, Field>, line: number | undefined): UserEntry {
    const problems: Problem[] = [];
    const what = `user "${name}"`;
    return {
      name,
      source: { file: this.file, line },
      lines: this.lines(b),
      token: this.string(b, 'token', what, problems) || undefined,
      tokenFile: this.path(this.string(b, 'tokenFile', what, problems)),
      clientCertificate: this.path(this.string(b, 'client-certificate', what, problems)),
      clientCertificateData: this.string(b, 'client-certificate-data', what, problems),
      clientKey: this.path(this.string(b, 'client-key', what, problems)),
      clientKeyData: this.string(b, 'client-key-data', what, problems),
      username: this.string(b, 'username', what, problems) || undefined,
      password: this.string(b, 'password', what, problems) || undefined,
      impersonate: this.string(b, 'as', what, problems) || undefined,
      exec: this.exec(b.get('exec'), what, problems),
      authProvider: this.authProvider(b.get('auth-provider'), what, problems),
      problems,
    };
  }

  exec(f: Field | undefined, what: string, problems: Problem[]): ExecConfig | undefined {
    if (!f || f.node === null || (isScalar(f.node) && f.node.value === null)) return undefined;
    if (!isMap(f.node)) {
      this.problem(problems, 'exec', `${what}: exec must be a mapping`, f.line);
      return undefined;
    }
    const e = this.fields(f.node);
    const w = `${what} exec`;
    const command = this.string(e, 'command', w, problems) ?? '';
    const args: string[] = [];
    const argsField = e.get('args');
    if (argsField && isSeq(argsField.node)) {
      for (const item of argsField.node.items) {
        if (isScalar(item) && item.value !== null) args.push(String(item.value));
        else
          this.problem(
            problems,
            'exec.args',
            `${w}: every item of args must be a string`,
            this.line(item as Node),
          );
      }
    } else if (
      argsField &&
      argsField.node !== null &&
      !(isScalar(argsField.node) && argsField.node.value === null)
    ) {
      this.problem(problems, 'exec.args', `${w}: args must be a list of strings`, argsField.line);
    }
    const env: ExecEnvVar[] = [];
    const envField = e.get('env');
    if (envField && isSeq(envField.node)) {
      for (const item of envField.node.items) {
        const itemLine = this.line(item as Node);
        if (!isMap(item)) {
          this.problem(problems, 'exec.env', `${w}: every item of env must have name and value`, itemLine);
          continue;
        }
        const kv = this.fields(item);
        const name = this.string(kv, 'name', `${w} env`, problems);
        if (!name) {
          this.problem(problems, 'exec.env', `${w}: an env item has no name`, itemLine);
          continue;
        }
        env.push({ name, value: this.string(kv, 'value', `${w} env ${name}`, problems) ?? '' });
      }
    } else if (
      envField &&
      envField.node !== null &&
      !(isScalar(envField.node) && envField.node.value === null)
    ) {
      this.problem(problems, 'exec.env', `${w}: env must be a list of {name, value}`, envField.line);
    }
    return {
      apiVersion: this.string(e, 'apiVersion', w, problems),
      command: this.command(command),
      args,
      env,
      installHint: this.string(e, 'installHint', w, problems),
      interactiveMode: this.string(e, 'interactiveMode', w, problems),
      provideClusterInfo: this.bool(e, 'provideClusterInfo', w, problems),
    };
  }

  /** kubectl resolves an exec command against the kubeconfig's folder only when it contains a path separator. */
  command(command: string): string {
    const hasSep = command.includes('/') || (this.platform === 'win32' && command.includes('\\'));
    if (!hasSep || !this.baseDir) return command;
    const p = this.platform === 'win32' ? path.win32 : path.posix;
    return p.isAbsolute(command) ? command : p.resolve(this.baseDir, command);
  }

  authProvider(f: Field | undefined, what: string, problems: Problem[]): AuthProviderConfig | undefined {
    if (!f || f.node === null || (isScalar(f.node) && f.node.value === null)) return undefined;
    if (!isMap(f.node)) {
      this.problem(problems, 'auth-provider', `${what}: auth-provider must be a mapping`, f.line);
      return undefined;
    }
    const a = this.fields(f.node);
    const name = this.string(a, 'name', `${what} auth-provider`, problems) ?? '';
    const config: Record<string, string> = {};
    const c = a.get('config');
    if (c && isMap(c.node)) {
      for (const [k, v] of this.fields(c.node)) {
        if (v.node !== null && isScalar(v.node) && v.node.value !== null) config[k] = String(v.node.value);
      }
    }
    return { name, config };
  }

  context(name: string, b: Map<string, Field>, line: number | undefined): ContextEntry {
    const problems: Problem[] = [];
    const what = `context "${name}"`;
    return {
      name,
      source: { file: this.file, line },
      lines: this.lines(b),
      cluster: this.string(b, 'cluster', what, problems) || undefined,
      user: this.string(b, 'user', what, problems) || undefined,
      namespace: this.string(b, 'namespace', what, problems) || undefined,
      problems,
    };
  }
}
