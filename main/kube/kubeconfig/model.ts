/**
 * The typed model of a kubeconfig: what one file declares (clusters, users, contexts),
 * with where each entry and field came from, so every message can name file and line.
 * Paths in the model are already resolved against the folder of the file that set them.
 */

/** Where something was written: a file path (or a label such as "pasted text") and a line. */
export interface SourcePos {
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  col?: number;
}

export type Severity = 'error' | 'warning';

/** One thing wrong (or doubtful) with a kubeconfig, phrased for a person. */
export interface Problem {
  severity: Severity;
  /** The kubeconfig field concerned, e.g. `certificate-authority-data` or `cluster`. */
  field: string;
  /** A complete sentence naming the context/cluster/user, the field, and the file and line. */
  message: string;
  file?: string;
  line?: number;
}

export interface ClusterEntry {
  name: string;
  source: SourcePos;
  /** Line of each field present, by kubeconfig field name. */
  lines: Record<string, number>;
  server?: string;
  certificateAuthority?: string;
  certificateAuthorityData?: string;
  insecureSkipTlsVerify: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
  /** Type errors found while reading the entry. */
  problems: Problem[];
}

export interface ExecEnvVar {
  name: string;
  value: string;
}

export type InteractiveMode = 'Never' | 'IfAvailable' | 'Always';

export interface ExecConfig {
  apiVersion?: string;
  /** As written, or resolved to an absolute path when it contained a slash. */
  command: string;
  args: string[];
  env: ExecEnvVar[];
  installHint?: string;
  interactiveMode?: string;
  provideClusterInfo: boolean;
}

export interface AuthProviderConfig {
  name: string;
  config: Record<string, string>;
}

export interface UserEntry {
  name: string;
  source: SourcePos;
  lines: Record<string, number>;
  token?: string;
  tokenFile?: string;
  clientCertificate?: string;
  clientCertificateData?: string;
  clientKey?: string;
  clientKeyData?: string;
  username?: string;
  password?: string;
  exec?: ExecConfig;
  authProvider?: AuthProviderConfig;
  /** `as`: the user to impersonate, if any. */
  impersonate?: string;
  problems: Problem[];
}

export interface ContextEntry {
  name: string;
  source: SourcePos;
  lines: Record<string, number>;
  cluster?: string;
  user?: string;
  namespace?: string;
  problems: Problem[];
}

/** One kubeconfig file (or pasted text) as read. */
export interface KubeconfigFile {
  /** The file path, or a label such as "pasted text". */
  source: string;
  /** Folder relative paths were resolved against; none for pasted text. */
  baseDir?: string;
  currentContext?: string;
  clusters: ClusterEntry[];
  users: UserEntry[];
  contexts: ContextEntry[];
  /** File-level doubts: nameless entries, duplicate names. */
  problems: Problem[];
}

/** Several files merged by kubectl's rules. */
export interface MergedKubeconfig {
  sources: string[];
  currentContext?: string;
  clusters: Map<string, ClusterEntry>;
  users: Map<string, UserEntry>;
  contexts: Map<string, ContextEntry>;
  problems: Problem[];
}

export function where(pos: SourcePos): string {
  if (pos.line === undefined) return pos.file;
  return pos.col === undefined ? `${pos.file}:${pos.line}` : `${pos.file}:${pos.line}:${pos.col}`;
}
