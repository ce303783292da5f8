import type { FailureKind } from '../../shared/contract/fleet';
import { KubeconfigError } from './kubeconfig';
import { KubeHttpError, KubeTimeoutError } from './request';

export interface Classified {
  failure: FailureKind;
  message: string;
}

const TLS_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT:
    'the server presents a self-signed certificate that the kubeconfig does not trust',
  SELF_SIGNED_CERT_IN_CHAIN: 'the server certificate chains to a CA that the kubeconfig does not trust',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'the server certificate is not signed by the certificate authority in the kubeconfig',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    'the server certificate is not signed by the certificate authority in the kubeconfig',
  UNABLE_TO_GET_ISSUER_CERT:
    'the server certificate is not signed by the certificate authority in the kubeconfig',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  CERT_NOT_YET_VALID: 'the server certificate is not valid yet (check the clock)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the server certificate does not name this host',
  CERT_SIGNATURE_FAILURE: 'the server certificate signature is invalid',
  ERR_SSL_WRONG_VERSION_NUMBER: 'the server does not speak TLS on this port',
  EPROTO: 'the TLS handshake failed',
};

function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A human sentence and a kind for anything that went wrong talking to a cluster:
 * DNS, refused connection, TLS/certificate, 401, 403, timeout, server errors.
 */
export function classifyError(error: unknown, server: string): Classified {
  let host = server;
  try {
    host = new URL(server).host;
  } catch {
    // keep the text as given
  }
  if (error instanceof KubeconfigError) {
    return { failure: error.code === 'NOT_APPROVED' ? 'not-approved' : 'config', message: error.message };
  }
  if (error instanceof KubeTimeoutError) {
    return { failure: 'timeout', message: `${host} did not answer within ${error.ms / 1000} s.` };
  }
  if (error instanceof KubeHttpError) {
    if (error.status === 401) {
      return {
        failure: 'unauthorized',
        message: `${host} rejected the credentials (401 Unauthorized): the token or certificate is wrong or has expired.`,
      };
    }
    if (error.status === 403) {
      return {
        failure: 'forbidden',
        message: `The credentials are valid but not allowed to do this on ${host} (403 Forbidden): ${error.message}`,
      };
    }
    if (error.status === 429) {
      return {
        failure: 'rate-limited',
        message: `${host} is rate-limiting requests (429 Too Many Requests).`,
      };
    }
    return { failure: 'server', message: `${host} answered with an error: ${error.message}` };
  }
  const code = codeOf(error);
  const text = error instanceof Error ? error.message : String(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return {
      failure: 'dns',
      message: `The name ${host.replace(/:\d+$/, '')} could not be resolved (DNS): check the server address.`,
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      failure: 'refused',
      message: `${host} refused the connection: nothing is listening there, or the API server is down.`,
    };
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return { failure: 'timeout', message: `${host} did not answer in time.` };
  }
  if (
    code &&
    (TLS_CODES[code] || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT'))
  ) {
    return { failure: 'tls', message: `TLS error with ${host}: ${TLS_CODES[code] ?? text} (${code}).` };
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return { failure: 'network', message: `${host} closed the connection unexpectedly (${code}).` };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return { failure: 'network', message: `${host} cannot be reached from this machine (${code}).` };
  }
  if (/exec|credential plugin|spawn/i.test(text) || code === 'ENOENT') {
    return { failure: 'config', message: `The credential plugin failed: ${text}` };
  }
  return { failure: 'network', message: `Could not talk to ${host}: ${text}${code ? ` (${code})` : ''}` };
}
