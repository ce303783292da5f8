export { CredentialError, type CredentialErrorCode } from './errors';
export { loadOrCreateKey, KEY_BYTES, type KeyFileOptions } from './key-file';
export { createKeyFileSealer, type Sealer } from './sealer';
export { createCredentialVault, type CredentialVault, type VaultOptions } from './vault';

/** The sealer id recorded for rows sealed with the key-file sealer. */
export const KEY_FILE_SEALER_ID = 'keyfile-aes-256-gcm';
