import { ArgsError } from './args';
import { DataDirError } from './paths';
import { ServerError } from './web-server';
import { StoreError } from '../store/db';

/**
 * Runs an entry point; a known failure (bad flag, unwritable folder, damaged database, port in use)
 * becomes one clear line on stderr and a non-zero exit, never a stack trace.
 */
export async function runEntry(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ArgsError) {
      process.stderr.write(`flotilla: ${error.message}\n`);
      process.exit(2);
    }
    if (error instanceof DataDirError || error instanceof StoreError || error instanceof ServerError) {
      process.stderr.write(`flotilla: ${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(
      `flotilla: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
