import type { Sealer } from '../services/credentials/sealer';

/** The part of Electron's safeStorage the sealer uses (structural, so it tests without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export const SAFE_STORAGE_SEALER_ID = 'electron-safestorage';

/**
 * Credentials sealed by the OS keychain (Keychain, DPAPI, libsecret/kwallet) through safeStorage.
 * Undefined where safeStorage would only obfuscate (Linux with no keyring: the "basic_text"
 * backend) or is unavailable: the caller then keeps the user-only key file.
 */
export function createSafeStorageSealer(
  safeStorage: SafeStorageLike,
): { sealer: Sealer; id: string } | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (backend === 'basic_text' || backend === 'unknown') return undefined;
  return {
    id: SAFE_STORAGE_SEALER_ID,
    sealer: {
      // safeStorage seals strings; base64 keeps arbitrary bytes intact.
      encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
      decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
    },
  };
}
