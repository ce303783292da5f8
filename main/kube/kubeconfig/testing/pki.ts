/**
 * Test-only certificates made on the fly (ECDSA P-256): a CA, a server certificate for
 * chosen DNS names / IPs, and client certificates. Used by the TLS tests only.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
type Keys = Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]['keys'];

export interface CertAndKey {
  cert: string;
  key: string;
}

async function newKeys(): Promise<Keys> {
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as unknown as Keys;
}

async function pemKey(keys: Keys): Promise<string> {
  const der = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey as unknown as webcrypto.CryptoKey);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

let serialCounter = 1;
const nextSerial = () => (serialCounter++).toString(16).padStart(2, '0');
const notBefore = () => new Date(Date.now() - 60_000);
const notAfter = () => new Date(Date.now() + 24 * 3600_000);

export interface TestCa {
  ca: CertAndKey;
  /** A server certificate valid for the given names ("ip:1.2.3.4" or a DNS name). */
  server(names: string[]): Promise<CertAndKey>;
  client(commonName: string): Promise<CertAndKey>;
}

export async function createTestCa(name: string): Promise<TestCa> {
  const caKeys = await newKeys();
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: `CN=${name}`,
    notBefore: notBefore(),
    notAfter: notAfter(),
    keys: caKeys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.digitalSignature, true),
    ],
  });
  const issue = async (subject: string, usage: string, extra: x509.Extension[]): Promise<CertAndKey> => {
    const keys = await newKeys();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: nextSerial(),
      subject,
      issuer: caCert.subject,
      notBefore: notBefore(),
      notAfter: notAfter(),
      signingKey: caKeys.privateKey,
      publicKey: keys.publicKey,
      signingAlgorithm: ALG,
      extensions: [new x509.ExtendedKeyUsageExtension([usage]), ...extra],
    });
    return { cert: cert.toString('pem'), key: await pemKey(keys) };
  };
  return {
    ca: { cert: caCert.toString('pem'), key: await pemKey(caKeys) },
    server: (names) =>
      issue('CN=test-apiserver', x509.ExtendedKeyUsage.serverAuth, [
        new x509.SubjectAlternativeNameExtension(
          names.map((n) =>
            n.startsWith('ip:') ? { type: 'ip', value: n.slice(3) } : { type: 'dns', value: n },
          ),
        ),
      ]),
    client: (cn) => issue(`CN=${cn}`, x509.ExtendedKeyUsage.clientAuth, []),
  };
}
