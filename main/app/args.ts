import { parseArgs as nodeParseArgs } from 'node:util';

export class ArgsError extends Error {
  readonly code = 'USAGE';
}

export interface AppArgs {
  /** Force browser mode even where Electron can run. */
  web: boolean;
  /** Browser-mode port; 0 picks a free one. */
  port: number;
  dataDir?: string;
  /** Open the browser (browser mode) — false with --no-open. */
  open: boolean;
  verbose: boolean;
  /** The built-in demo fleet (kube-sim): 'on' with --demo, 'off' with --no-demo, 'auto' starts it when no cluster is configured. */
  demo: 'on' | 'off' | 'auto';
}

export const usage = `Usage: flotilla [--web] [--port N] [--data-dir DIR] [--no-open] [--verbose] [--[no-]demo]

  --web           start in browser mode even where the desktop window can open
  --port N        browser-mode port on 127.0.0.1 (default: a free port)
  --data-dir DIR  keep the database, logs and keys in DIR
  --no-open       do not open a browser (browser mode)
  --verbose       log debug detail to the terminal and the log file
  --demo          start the built-in demo fleet and attach it
  --no-demo       never start it (by default it starts when no cluster is attached or in ~/.kube/config)`;

/**
 * Parses the app's command line. Unknown flags and bad values throw ArgsError with one line
 * that names the flag; entry points print it and exit 2.
 */
export function parseAppArgs(argv: string[]): AppArgs {
  let parsed;
  try {
    parsed = nodeParseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      allowNegative: true,
      options: {
        web: { type: 'boolean', default: false },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        open: { type: 'boolean', default: true },
        verbose: { type: 'boolean', default: false },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ArgsError(message.split('\n')[0].replace(/\. To specify.*$/, '.'));
  }
  const { values } = parsed;
  if (values.help) throw new ArgsError(usage);
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) {
      throw new ArgsError(`--port must be a number from 0 to 65535, got "${values.port}"`);
    }
  }
  if (values['data-dir'] !== undefined && values['data-dir'].trim() === '') {
    throw new ArgsError('--data-dir needs a folder');
  }
  return {
    web: values.web ?? false,
    port,
    dataDir: values['data-dir'],
    open: values.open ?? true,
    verbose: values.verbose ?? false,
    demo: values.demo === undefined ? 'auto' : values.demo ? 'on' : 'off',
  };
}
