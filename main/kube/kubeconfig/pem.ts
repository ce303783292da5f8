import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';

/** Result of a check: the value, or a reason phrased to follow "field …". */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes base64 as kubectl does (Go's standard encoding: padded, line breaks ignored,
 * nothing else tolerated), so a value kubectl refuses is refused here too.
 */
export function decodeBase64Strict(text: string): Checked<Buffer> {
  const compact = text.replace(/[\r\n]/g, '');
  const bad = compact.search(/[^A-Za-z0-9+/=]/);
  if (bad >= 0) {
    const hint = compact.includes('-----BEGIN')
      ? '; it holds raw PEM text, but kubeconfig *-data fields must be base64-encoded'
      : '';
    return {
      ok: false,
      reason: `is not valid base64 (illegal character at position ${bad})${hint}`,
    };
  }
  if (compact.length % 4 !== 0 || !B64.test(compact)) {
    return {
      ok: false,
      reason: `is not valid base64 (length ${compact.length} is not a multiple of 4, or padding is misplaced)`,
    };
  }
  return { ok: true, value: Buffer.from(compact, 'base64') };
}

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Parses every certificate of a PEM bundle. */
export function parseCertificates(
  pem: Buffer,
  now = new Date(),
): Checked<{ certs: X509Certificate[]; expired: string[] }> {
  const text = pem.toString('utf8');
  const blocks = text.match(CERT_BLOCK) ?? [];
  if (blocks.length === 0) {
    return {
      ok: false,
      reason: `does not hold a PEM certificate (no -----BEGIN CERTIFICATE----- block)`,
    };
  }
  const certs: X509Certificate[] = [];
  const expired: string[] = [];
  for (const [i, block] of blocks.entries()) {
    try {
      const cert = new X509Certificate(block);
      certs.push(cert);
      if (new Date(cert.validTo).getTime() < now.getTime())
        expired.push(`${cert.subject.replace(/\n/g, ', ')} expired ${cert.validTo}`);
    } catch (error) {
      const what = blocks.length > 1 ? `certificate ${i + 1} of ${blocks.length}` : 'the certificate';
      return { ok: false, reason: `holds a PEM block but ${what} does not parse (${errorText(error)})` };
    }
  }
  return { ok: true, value: { certs, expired } };
}

/** Parses a PEM private key (RSA, EC, PKCS#8). The key material never appears in a reason. */
export function parsePrivateKey(pem: Buffer): Checked<KeyObject> {
  const text = pem.toString('utf8');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    return { ok: false, reason: 'does not hold a PEM private key (no -----BEGIN … PRIVATE KEY----- block)' };
  }
  try {
    return { ok: true, value: createPrivateKey(text) };
  } catch (error) {
    return {
      ok: false,
      reason: `holds a PEM block but the private key does not parse (${errorText(error)})`,
    };
  }
}

function errorText(error: unknown): string {
  const e = error as { code?: string; message?: string };
  return e.code ?? e.message ?? String(error);
}
