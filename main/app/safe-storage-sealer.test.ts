import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSafeStorageSealer, type SafeStorageLike } from './safe-storage-sealer';

/** A keychain stand-in with real encryption, shaped like Electron's safeStorage. */
function keychain(backend: string, available = true): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decryptString(sealed) {
      const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([d.update(sealed.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

describe('safeStorage sealer', () => {
  it('round-trips arbitrary bytes through the keychain and never stores them in clear', () => {
    const made = createSafeStorageSealer(keychain('gnome_libsecret'));
    expect(made?.id).toBe('electron-safestorage');
    const secret = Buffer.concat([Buffer.from('token: abc.def.ghi\n'), randomBytes(64)]);
    const sealed = made!.sealer.encrypt(secret);
    expect(sealed.includes(Buffer.from('abc.def.ghi'))).toBe(false);
    expect(made!.sealer.decrypt(sealed).equals(secret)).toBe(true);
  });

  it('refuses a tampered blob', () => {
    const made = createSafeStorageSealer(keychain('kwallet5'))!;
    const sealed = made.sealer.encrypt(Buffer.from('secret'));
    sealed[sealed.length - 1] ^= 1;
    expect(() => made.sealer.decrypt(sealed)).toThrow();
  });

  it.each([
    ['basic_text', true],
    ['unknown', true],
    ['gnome_libsecret', false],
  ])(
    'is not used where safeStorage only obfuscates or is off (backend %s, available %s)',
    (backend, available) => {
      expect(createSafeStorageSealer(keychain(backend, available))).toBeUndefined();
    },
  );
});
