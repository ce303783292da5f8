import type { CredentialStore } from '../../store/credentials';
import { CredentialError } from './errors';
import type { Sealer } from './sealer';

export interface VaultOptions {
  store: CredentialStore;
  sealer: Sealer;
  /** Names the sealer in each row (e.g. "keyfile-aes-256-gcm", "electron-safestorage"). */
  sealerId: string;
}

/** Sealed, JSON-serialisable secrets by id (e.g. a cluster's connection spec). */
export interface CredentialVault {
  put(id: string, value: unknown): void;
  /** The value, or undefined when none is stored; throws CredentialError when it cannot be opened. */
  get<T>(id: string): T | undefined;
  delete(id: string): boolean;
  has(id: string): boolean;
  ids(): string[];
}

/**
 * The id is sealed together with the value and checked on opening, so a ciphertext copied
 * onto another row is refused as tampered, whatever the sealer.
 */
export function createCredentialVault({ store, sealer, sealerId }: VaultOptions): CredentialVault {
  return {
    put(id, value) {
      const plain = Buffer.from(JSON.stringify({ id, value }), 'utf8');
      store.put(id, sealerId, sealer.encrypt(plain));
    },
    get<T>(id: string): T | undefined {
      const row = store.get(id);
      if (!row) return undefined;
      if (row.sealer !== sealerId) {
        throw new CredentialError(
          'WRONG_SEALER',
          `The credential for ${id} was sealed by ${row.sealer}, but this session uses ${sealerId}; import the kubeconfig again here.`,
        );
      }
      const plain = sealer.decrypt(row.ciphertext);
      let parsed: { id?: unknown; value?: unknown };
      try {
        parsed = JSON.parse(plain.toString('utf8')) as { id?: unknown; value?: unknown };
      } catch {
        throw new CredentialError('TAMPERED', `The credential for ${id} does not open to valid data.`);
      }
      if (parsed.id !== id)
        throw new CredentialError(
          'TAMPERED',
          `The credential stored for ${id} belongs to another entry; it was moved or altered.`,
        );
      return parsed.value as T;
    },
    delete: (id) => store.delete(id),
    has: (id) => store.get(id) !== undefined,
    ids: () => store.ids(),
  };
}
