import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Inspection } from '../../../shared/contract/fleet';
import { clientNodeCases } from '../../kube/kubeconfig/corpus-cases/client-node';
import { fabric8Cases } from '../../kube/kubeconfig/corpus-cases/fabric8';
import { headlampCases, k9sCases } from '../../kube/kubeconfig/corpus-cases/headlamp-k9s';
import { createImports } from './imports';
import { nameProblem } from './names';

/**
 * Every corpus kubeconfig through the import the renderer uses, by path and as pasted text:
 * the result passes the contract schema, every context gets a valid suggested name, and no
 * token, password, key, certificate or auth-provider secret of the file is in the result.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '../../../../shared/corpus');
const files = [...clientNodeCases, ...fabric8Cases, ...headlampCases, ...k9sCases].map((c) => c.file);

const SECRET_KEYS = new Set([
  'token',
  'password',
  'client-key-data',
  'client-certificate-data',
  'certificate-authority-data',
  'id-token',
  'refresh-token',
  'client-secret',
  'access-token',
]);

/** Values of secret-looking fields anywhere in the file, and the base64-decoded PEM lines of them. */
function secretsIn(text: string): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, val] of Object.entries(v)) {
        if (SECRET_KEYS.has(k) && typeof val === 'string' && val.length >= 8) {
          out.add(val);
          const decoded = Buffer.from(val, 'base64').toString('utf8');
          for (const line of decoded.split('\n'))
            if (line.length >= 40 && !line.startsWith('-----')) out.add(line);
        } else walk(val);
      }
    }
  };
  for (const doc of parseAllDocuments(text)) walk(doc.toJS());
  return [...out];
}

const imports = createImports({ approvals: () => new Set(), attachedAs: () => undefined });

describe('kubeconfig import over the corpus', () => {
  it.each(files)('%s', (file) => {
    const abs = path.join(corpus, file);
    const text = fs.readFileSync(abs, 'utf8');
    for (const result of [
      imports.inspect({ paths: [abs] }),
      imports.inspect({ texts: [{ label: path.basename(file), text }] }),
    ]) {
      const parsed = Inspection.safeParse(result);
      expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
      for (const c of result.contexts) expect(nameProblem(c.suggestedName), c.name).toBeNull();
      const json = JSON.stringify(result);
      for (const secret of secretsIn(text))
        expect(json.includes(secret), `${file}: ${secret.slice(0, 10)}… crossed`).toBe(false);
    }
  });

  it('covers the corpus', () => {
    expect(files.length).toBeGreaterThan(20);
  });
});
