export type CredentialErrorCode =
  'KEY_FILE_PERMISSIONS' | 'KEY_FILE_INVALID' | 'KEY_FILE_UNWRITABLE' | 'TAMPERED' | 'WRONG_SEALER';

/** A credential that cannot be sealed or opened; the message says what to do. */
export class CredentialError extends Error {
  constructor(
    readonly code: CredentialErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CredentialError';
  }
}
