import fs from 'node:fs';
import path from 'node:path';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
  child(prefix: string): Logger;
}

export interface LogOptions {
  /** Folder for flotilla.log and its rotated copies; none logs only to stderr. */
  dir?: string;
  verbose?: boolean;
  /** Rotate when the file passes this size. */
  maxBytes?: number;
  /** Rotated files kept: flotilla.log.1 … flotilla.log.N. */
  keep?: number;
  /** Also echo to stderr (warnings and errors always are, unless quiet). */
  echo?: boolean;
  quiet?: boolean;
}

function format(extra: unknown): string {
  if (extra === undefined) return '';
  if (extra instanceof Error) return ` ${extra.stack ?? extra.message}`;
  try {
    return ` ${JSON.stringify(extra)}`;
  } catch {
    return ` ${String(extra)}`;
  }
}

/** A file sink that rotates by size: flotilla.log → flotilla.log.1 → … → dropped. */
export function createRotatingFile(dir: string, maxBytes: number, keep: number) {
  const file = path.join(dir, 'flotilla.log');
  let size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  const rotate = () => {
    for (let i = keep - 1; i >= 1; i--) {
      const from = `${file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
    }
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
    size = 0;
  };
  return {
    file,
    write(line: string) {
      const bytes = Buffer.byteLength(line);
      if (size + bytes > maxBytes && size > 0) rotate();
      fs.appendFileSync(file, line);
      size += bytes;
    },
  };
}

export function createLogger(options: LogOptions = {}): Logger {
  const threshold = options.verbose ? order.debug : order.info;
  const sink = options.dir
    ? createRotatingFile(options.dir, options.maxBytes ?? 5 * 1024 * 1024, options.keep ?? 3)
    : undefined;
  const make = (prefix: string): Logger => {
    const emit = (level: Level, message: string, extra?: unknown) => {
      if (order[level] < threshold) return;
      const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${prefix}] ${message}${format(extra)}\n`;
      sink?.write(line);
      const toStderr = !options.quiet && (options.echo || options.verbose || order[level] >= order.warn);
      if (toStderr) process.stderr.write(line);
    };
    return {
      debug: (m, e) => emit('debug', m, e),
      info: (m, e) => emit('info', m, e),
      warn: (m, e) => emit('warn', m, e),
      error: (m, e) => emit('error', m, e),
      child: (p) => make(`${prefix}:${p}`),
    };
  };
  return make('flotilla');
}
