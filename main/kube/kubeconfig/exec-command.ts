import { createHash } from 'node:crypto';
import type { AuthProviderConfig, ExecConfig, ExecEnvVar, UserEntry } from './model';

/**
 * What a credential plugin would run, shown in full in the approval dialog and recorded
 * by fingerprint once approved. Nothing here is secret: auth-provider tokens, refresh
 * tokens and client secrets are left out; exec env values are part of the command and shown.
 */
export interface CredentialCommand {
  kind: 'exec' | 'auth-provider';
  /** The program (absolute when the kubeconfig gave a path), or the provider name for oidc. */
  command: string;
  args: string[];
  env: ExecEnvVar[];
  /** The exact line, shell-quoted: `env A=1 /path/cmd arg` (or a sentence for oidc, which runs no program). */
  commandLine: string;
  /** sha256 (hex) over everything that decides what runs; approvals are recorded against it. */
  fingerprint: string;
  apiVersion?: string;
  installHint?: string;
  interactiveMode?: string;
  provider?: string;
}

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** POSIX shell quoting: bare when safe, else single quotes with ' escaped. */
export function shellQuote(word: string): string {
  if (word !== '' && SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

function fingerprintOf(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function line(command: string, args: string[], env: ExecEnvVar[]): string {
  const words = [command, ...args].map(shellQuote);
  const envWords = env.map((e) => `${e.name}=${shellQuote(e.value)}`);
  return envWords.length > 0 ? ['env', ...envWords, ...words].join(' ') : words.join(' ');
}

export function describeExecCommand(exec: ExecConfig): CredentialCommand {
  return {
    kind: 'exec',
    command: exec.command,
    args: [...exec.args],
    env: exec.env.map((e) => ({ ...e })),
    commandLine: line(exec.command, exec.args, exec.env),
    fingerprint: fingerprintOf([
      'exec',
      exec.apiVersion ?? '',
      exec.command,
      exec.args,
      exec.env.map((e) => [e.name, e.value]),
      exec.provideClusterInfo,
    ]),
    apiVersion: exec.apiVersion,
    installHint: exec.installHint,
    interactiveMode: exec.interactiveMode,
  };
}

/** gcp and azure ran `cmd-path cmd-args`; oidc runs no program but talks to the issuer with the stored secrets. */
export function describeAuthProvider(p: AuthProviderConfig): CredentialCommand {
  const cmdPath = p.config['cmd-path'];
  if (cmdPath) {
    const args = (p.config['cmd-args'] ?? '').split(/\s+/).filter((a) => a !== '');
    return {
      kind: 'auth-provider',
      provider: p.name,
      command: cmdPath,
      args,
      env: [],
      commandLine: line(cmdPath, args, []),
      fingerprint: fingerprintOf(['auth-provider', p.name, cmdPath, args]),
    };
  }
  const issuer = p.config['idp-issuer-url'] ?? '';
  const clientId = p.config['client-id'] ?? '';
  const commandLine =
    p.name === 'oidc'
      ? `oidc: refresh the ID token from ${issuer || '(no idp-issuer-url)'} as client ${clientId || '(no client-id)'}`
      : `${p.name || '(unnamed)'} auth-provider (no cmd-path)`;
  return {
    kind: 'auth-provider',
    provider: p.name,
    command: p.name,
    args: [],
    env: [],
    commandLine,
    fingerprint: fingerprintOf([
      'auth-provider',
      p.name,
      issuer,
      clientId,
      p.config['idp-certificate-authority'] ?? '',
    ]),
  };
}

/** The credential plugin a user would run, if any. */
export function credentialCommandOf(user: UserEntry | undefined): CredentialCommand | undefined {
  if (user?.exec) return describeExecCommand(user.exec);
  if (user?.authProvider) return describeAuthProvider(user.authProvider);
  return undefined;
}

export type PluginApproval =
  { required: false } | { required: true; approved: boolean; command: CredentialCommand };

/**
 * Whether a user's exec/auth-provider may run: only when that exact command's fingerprint
 * is among the approved ones. Users without a plugin need no approval.
 */
export function pluginApproval(user: UserEntry | undefined, approved: ReadonlySet<string>): PluginApproval {
  const command = credentialCommandOf(user);
  if (!command) return { required: false };
  return { required: true, approved: approved.has(command.fingerprint), command };
}
