import type { KeyObject } from 'node:crypto';
import path from 'node:path';
import { withoutUserInfo, type Checker } from './checker';
import { describeFsError } from './discover';
import type { UserEntry } from './model';
import { decodeBase64Strict, parseCertificates, parsePrivateKey } from './pem';

const EXEC_VERSIONS = ['client.authentication.k8s.io/v1', 'client.authentication.k8s.io/v1beta1'];
const INTERACTIVE_MODES = ['Never', 'IfAvailable', 'Always'];
const KNOWN_PROVIDERS = ['oidc', 'gcp', 'azure'];

/** Checks a user entry as kubectl would, loading its token, certificate and key into the checker. */
export function checkUser(ch: Checker, u: UserEntry, contextName: string) {
  ch.problems.push(...u.problems);
  const owner = `user "${u.name}" (context "${contextName}")`;
  const src = u.source.file;
  const line = (k: string) => u.lines[k] ?? u.source.line;
  if (u.exec && u.authProvider)
    ch.add('error', 'exec', `${owner}: exec and auth-provider cannot both be set`, src, line('exec'));
  if ((u.token || u.tokenFile) && (u.username || u.password)) {
    ch.add(
      'error',
      'token',
      `${owner}: more than one authentication method (token and basic auth); only one is allowed`,
      src,
      line('token'),
    );
  }
  if (u.token) ch.material.token = u.token;
  else if (u.tokenFile) {
    const bytes = ch.readFile(owner, 'tokenFile', u.tokenFile, src, line('tokenFile'));
    if (bytes) {
      const token = bytes.toString('utf8').trim();
      if (token === '')
        ch.add('error', 'tokenFile', `${owner}: tokenFile ${u.tokenFile} is empty`, src, line('tokenFile'));
      else ch.material.token = token;
    }
  }
  if (u.username && !u.password)
    ch.add('warning', 'password', `${owner}: username without password`, src, line('username'));
  checkClientCertificate(ch, u, owner);
  if (u.exec) checkExec(ch, u, owner);
  if (u.authProvider) checkAuthProvider(ch, u, owner);
}

function checkClientCertificate(ch: Checker, u: UserEntry, owner: string) {
  const src = u.source.file;
  const line = (k: string) => u.lines[k] ?? u.source.line;
  if (u.clientCertificate && u.clientCertificateData) {
    ch.add(
      'error',
      'client-certificate',
      `${owner}: client-certificate and client-certificate-data are both set; keep one`,
      src,
      line('client-certificate'),
    );
  }
  if (u.clientKey && u.clientKeyData) {
    ch.add(
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
    ch.add(
      'error',
      'client-key',
      `${owner}: a client certificate is set but no client-key or client-key-data`,
      src,
      line('client-certificate-data'),
    );
  if (hasKey && !hasCert)
    ch.add(
      'error',
      'client-certificate',
      `${owner}: a client key is set but no client-certificate or client-certificate-data`,
      src,
      line('client-key-data'),
    );
  const cert = hasCert
    ? ch.certificate(owner, 'client-certificate', u.clientCertificateData, u.clientCertificate, u)
    : undefined;
  let key: KeyObject | undefined;
  if (hasKey) {
    let bytes: Buffer | undefined;
    let label = 'client-key-data';
    if (u.clientKeyData) {
      const decoded = decodeBase64Strict(u.clientKeyData);
      if (decoded.ok) bytes = decoded.value;
      else
        ch.add(
          'error',
          'client-key-data',
          `${owner}: client-key-data ${decoded.reason}`,
          src,
          line('client-key-data'),
        );
    } else if (u.clientKey) {
      label = `client-key file ${u.clientKey}`;
      bytes = ch.readFile(owner, 'client-key', u.clientKey, src, line('client-key'));
    }
    if (bytes) {
      const parsed = parsePrivateKey(bytes);
      const field = u.clientKeyData ? 'client-key-data' : 'client-key';
      if (parsed.ok) {
        key = parsed.value;
        ch.material.keyPem = bytes.toString('utf8');
      } else ch.add('error', field, `${owner}: ${label} ${parsed.reason}`, src, line(field));
    }
  }
  if (cert) ch.material.certPem = cert.pem;
  const leaf = cert?.certs[0];
  if (leaf && key && !leaf.checkPrivateKey(key)) {
    ch.add(
      'error',
      'client-key',
      `${owner}: the client key does not belong to the client certificate`,
      src,
      line(u.clientKeyData ? 'client-key-data' : 'client-key'),
    );
  }
}

function checkExec(ch: Checker, u: UserEntry, owner: string) {
  const e = u.exec!;
  const src = u.source.file;
  const line = u.lines.exec ?? u.source.line;
  if (!e.command) ch.add('error', 'exec.command', `${owner}: exec has no command`, src, line);
  if (!e.apiVersion)
    ch.add(
      'error',
      'exec.apiVersion',
      `${owner}: exec has no apiVersion (use client.authentication.k8s.io/v1)`,
      src,
      line,
    );
  else if (!EXEC_VERSIONS.includes(e.apiVersion)) {
    ch.add(
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
      ch.add(
        'error',
        'exec.interactiveMode',
        `${owner}: exec with apiVersion v1 must set interactiveMode (Never, IfAvailable or Always)`,
        src,
        line,
      );
  } else if (!INTERACTIVE_MODES.includes(mode)) {
    ch.add(
      'error',
      'exec.interactiveMode',
      `${owner}: exec interactiveMode "${mode}" is not one of Never, IfAvailable, Always`,
      src,
      line,
    );
  } else if (mode === 'Always') {
    ch.add(
      'warning',
      'exec.interactiveMode',
      `${owner}: exec interactiveMode Always needs a terminal, which Flotilla cannot provide`,
      src,
      line,
    );
  }
  if (e.command.includes('/') && !path.isAbsolute(e.command)) {
    // only pasted text gets here: files resolve such commands against their own folder
    const what = `${owner}: exec command "${e.command}" is a relative path and this kubeconfig has no folder to resolve it against`;
    ch.add('error', 'exec.command', what, src, line);
  } else if (e.command && !ch.files.findExecutable(e.command)) {
    const hint = e.installHint ? ` Install hint: ${e.installHint.trim()}` : '';
    ch.add(
      'warning',
      'exec.command',
      `${owner}: exec command "${e.command}" was not found${e.command.includes('/') ? '' : ' on PATH'}.${hint}`,
      src,
      line,
    );
  }
}

function checkAuthProvider(ch: Checker, u: UserEntry, owner: string) {
  const p = u.authProvider!;
  const src = u.source.file;
  const line = u.lines['auth-provider'] ?? u.source.line;
  if (!p.name) ch.add('error', 'auth-provider.name', `${owner}: auth-provider has no name`, src, line);
  else if (!KNOWN_PROVIDERS.includes(p.name)) {
    ch.add(
      'error',
      'auth-provider.name',
      `${owner}: auth-provider "${p.name}" is unknown (oidc, gcp and azure are)`,
      src,
      line,
    );
  } else if (p.name === 'oidc') {
    for (const key of ['idp-issuer-url', 'client-id']) {
      if (!p.config[key])
        ch.add(
          'error',
          `auth-provider.config.${key}`,
          `${owner}: oidc auth-provider has no ${key}`,
          src,
          line,
        );
    }
    checkOidcIssuer(ch, p.config, owner, src, line);
  } else {
    ch.add(
      'warning',
      'auth-provider.name',
      `${owner}: the ${p.name} auth-provider was removed from kubectl 1.26; switch to its exec plugin`,
      src,
      line,
    );
  }
}

/**
 * The issuer must be an https URL. Its CA (data or file) is only needed when the ID token is
 * refreshed, so CA problems are warnings: the context works until the token expires.
 */
function checkOidcIssuer(
  ch: Checker,
  config: Record<string, string>,
  owner: string,
  src: string,
  line: number | undefined,
) {
  const issuer = config['idp-issuer-url'];
  if (issuer) {
    let ok = false;
    try {
      ok = new URL(issuer).protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) {
      const what = `${owner}: oidc idp-issuer-url "${withoutUserInfo(issuer)}" is not an https:// URL`;
      ch.add('error', 'auth-provider.config.idp-issuer-url', what, src, line);
    }
  }
  const data = config['idp-certificate-authority-data'];
  const file = config['idp-certificate-authority'];
  const field = data
    ? 'auth-provider.config.idp-certificate-authority-data'
    : 'auth-provider.config.idp-certificate-authority';
  const warn = (what: string) =>
    ch.add('warning', field, `${owner}: ${what}; refreshing the ID token will fail`, src, line);
  let bytes: Buffer | undefined;
  let label = '';
  if (data) {
    label = 'oidc idp-certificate-authority-data';
    const decoded = decodeBase64Strict(data);
    if (decoded.ok) bytes = decoded.value;
    else warn(`${label} ${decoded.reason}`);
  } else if (file) {
    label = `oidc idp-certificate-authority file ${file}`;
    try {
      bytes = ch.files.read(file);
    } catch (error) {
      warn(`cannot read ${label}: ${describeFsError(error)}`);
    }
  }
  if (bytes) {
    const parsed = parseCertificates(bytes, ch.now);
    if (!parsed.ok) warn(`${label} ${parsed.reason}`);
  }
}
