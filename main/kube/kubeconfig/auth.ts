import type { AuthProviderConfig, ExecConfig, UserEntry } from './model';

export type AuthKind =
  'exec' | 'auth-provider' | 'token' | 'token-file' | 'client-certificate' | 'basic' | 'none';

export interface AuthSummary {
  /** The method that identifies the user; exec/auth-provider first, then token, certificate, basic. */
  kind: AuthKind;
  /** Every method configured (kubectl allows a certificate together with one other). */
  methods: AuthKind[];
  /** Where the client certificate comes from, if one is configured. */
  certificateFrom?: 'data' | 'file';
  exec?: ExecConfig;
  authProvider?: { name: string; legacy: boolean };
}

/** Auth-providers removed from kubectl in 1.26 in favour of exec plugins. */
const LEGACY_PROVIDERS = new Set(['gcp', 'azure']);

export function classifyAuth(user: UserEntry | undefined): AuthSummary {
  if (!user) return { kind: 'none', methods: [] };
  const methods: AuthKind[] = [];
  if (user.exec) methods.push('exec');
  if (user.authProvider) methods.push('auth-provider');
  if (user.token) methods.push('token');
  if (user.tokenFile) methods.push('token-file');
  const cert = user.clientCertificateData ? 'data' : user.clientCertificate ? 'file' : undefined;
  if (cert || user.clientKeyData || user.clientKey) methods.push('client-certificate');
  if (user.username || user.password) methods.push('basic');
  return {
    kind: methods[0] ?? 'none',
    methods,
    certificateFrom: cert,
    exec: user.exec,
    authProvider: user.authProvider ? describeProvider(user.authProvider) : undefined,
  };
}

function describeProvider(p: AuthProviderConfig): { name: string; legacy: boolean } {
  return { name: p.name, legacy: LEGACY_PROVIDERS.has(p.name) };
}
