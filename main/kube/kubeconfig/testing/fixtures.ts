/**
 * Test helpers: real PEM material taken from the corpus (a docker-desktop CA, client
 * certificate and its key, published upstream as test data), and temp folders to write
 * kubeconfigs into. Used by the tests only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
export const corpusDir = path.resolve(here, '../../../../../shared/corpus');

interface Raw {
  clusters: { cluster: Record<string, string> }[];
  users: { user: Record<string, string> }[];
}

function readRaw(rel: string): Raw {
  return parse(fs.readFileSync(path.join(corpusDir, rel), 'utf8')) as Raw;
}

const headlamp = readRaw('headlamp/backend/cmd/headlamp_testdata/kubeconfig');
const k9s = readRaw('k9s/internal/config/testdata/k8s.yaml');
const pem = (b64: string | undefined) => Buffer.from(b64 ?? '', 'base64').toString('utf8');

/** A real CA certificate (CN=kubernetes). */
export const caPem = pem(headlamp.clusters[0]?.cluster['certificate-authority-data']);
/** A real client certificate issued by that CA, and its private key. */
export const certPem = pem(headlamp.users[0]?.user['client-certificate-data']);
export const keyPem = pem(headlamp.users[0]?.user['client-key-data']);
/** A certificate whose key is NOT keyPem. */
export const otherCertPem = pem(k9s.users[0]?.user['client-certificate-data']);

export const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** A fresh temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'flotilla-kc-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Writes files (relative path → content) under dir, creating folders. Returns absolute paths. */
export function writeFiles(dir: string, files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
    out[rel] = abs;
  }
  return out;
}
