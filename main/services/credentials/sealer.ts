import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CredentialError } from './errors';
import { KEY_BYTES } from './key-file';

/**
 * Turns plaintext into an opaque sealed blob and back. The Electron shell can pass one
 * built on `safeStorage`; browser mode and the CLI use the key-file sealer below.
 * `decrypt` must throw when the blob was altered or sealed with another key.
 */
export interface Sealer {
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

const MAGIC = Buffer.from('FLV1', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM with a random 96-bit IV per message: MAGIC | IV | TAG | CIPHERTEXT. */
export function createKeyFileSealer(key: Buffer): Sealer {
  if (key.length !== KEY_BYTES)
    throw new CredentialError(
      'KEY_FILE_INVALID',
      `An AES-256 key has ${KEY_BYTES} bytes, this one has ${key.length}.`,
    );
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(MAGIC);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const head = MAGIC.length + IV_BYTES + TAG_BYTES;
      if (sealed.length < head || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
        throw new CredentialError(
          'TAMPERED',
          "A saved credential is not in Flotilla's sealed format; it was altered or written by something else.",
        );
      }
      const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
      const tag = sealed.subarray(MAGIC.length + IV_BYTES, head);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(MAGIC);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(sealed.subarray(head)), decipher.final()]);
      } catch {
        throw new CredentialError(
          'TAMPERED',
          'A saved credential failed its integrity check: it was altered, or sealed with a different key file.',
        );
      }
    },
  };
}
