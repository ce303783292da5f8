import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CredentialError } from './errors';

export const KEY_BYTES = 32;

export interface KeyFileOptions {
  /** Defaults to process.platform; permission checks are skipped on win32 (ACLs, not modes). */
  platform?: NodeJS.Platform;
}

/**
 * Loads the vault key from `file`, creating it (32 random bytes, mode 0600, in a 0700
 * folder) when it does not exist. Creation is atomic: the key is written to a private
 * temp file and hard-linked into place, so two processes starting together agree on one
 * key and nobody ever reads a half-written file. A key file that others may read, that
 * another user owns, or that is not 32 bytes is refused, never "fixed".
 */
export function loadOrCreateKey(file: string, options: KeyFileOptions = {}): Buffer {
  const platform = options.platform ?? process.platform;
  const existing = readExisting(file, platform);
  if (existing) return existing;
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new CredentialError(
      'KEY_FILE_UNWRITABLE',
      `Cannot create the folder ${dir} for the credential key: ${(error as Error).message}`,
    );
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const key = randomBytes(KEY_BYTES);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o600);
    try {
      fs.writeSync(fd, key);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(tmp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // another process created it first: use theirs
      return readExisting(file, platform) ?? key;
    }
    return key;
  } catch (error) {
    if (error instanceof CredentialError) throw error;
    throw new CredentialError(
      'KEY_FILE_UNWRITABLE',
      `Cannot create the credential key file ${file}: ${(error as Error).message}`,
    );
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readExisting(file: string, platform: NodeJS.Platform): Buffer | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CredentialError(
      'KEY_FILE_INVALID',
      `Cannot check the credential key file ${file}: ${(error as Error).message}`,
    );
  }
  if (!stat.isFile()) {
    throw new CredentialError(
      'KEY_FILE_INVALID',
      `The credential key file ${file} is not a regular file (a link or folder); Flotilla will not use it. Move it away to let Flotilla create a new one (credentials saved with the old key will then need re-importing).`,
    );
  }
  if (platform !== 'win32') {
    const mode = stat.mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new CredentialError(
        'KEY_FILE_PERMISSIONS',
        `The credential key file ${file} can be read by other users (mode ${mode.toString(8).padStart(4, '0')}). Flotilla only uses a key file that you alone can read: run \`chmod 600 ${file}\`, or delete it if you think it leaked (saved credentials will then need re-importing).`,
      );
    }
    const uid = process.getuid?.();
    if (uid !== undefined && stat.uid !== uid) {
      throw new CredentialError(
        'KEY_FILE_PERMISSIONS',
        `The credential key file ${file} belongs to user id ${stat.uid}, not to you (${uid}); Flotilla will not use it.`,
      );
    }
  }
  const key = fs.readFileSync(file);
  if (key.length !== KEY_BYTES) {
    throw new CredentialError(
      'KEY_FILE_INVALID',
      `The credential key file ${file} holds ${key.length} bytes, not ${KEY_BYTES}: it was not written by Flotilla or is damaged. Saved credentials cannot be opened without the original key.`,
    );
  }
  return key;
}
