/**
 * A small reader for (optionally gzipped) tar archives, enough for Sonobuoy results: ustar, GNU
 * long names ('L') and PAX extended headers ('x' path). Regular files only; everything in memory.
 * Own code instead of an npm package: reading is ~60 lines and needs nothing beyond node:zlib.
 */
import { gunzipSync } from 'node:zlib';

export interface TarEntry {
  path: string;
  data: Buffer;
}

export class TarError extends Error {}

const BLOCK = 512;

function text(buf: Buffer, start: number, len: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end === -1 || end > start + len ? start + len : end);
}

function size(buf: Buffer, at: number): number {
  // GNU base-256 for large files: high bit of the first byte set.
  if (buf[at]! & 0x80) {
    let n = 0;
    for (let i = at + 1; i < at + 12; i++) n = n * 256 + buf[i]!;
    return n;
  }
  const s = text(buf, at, 12).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError(`bad size field "${s}"`);
  return parseInt(s, 8);
}

function checksumOk(buf: Buffer, at: number): boolean {
  const stored = text(buf, at + 148, 8).trim();
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : buf[at + i]!;
  return parseInt(stored, 8) === sum;
}

function paxPath(data: Buffer): string | undefined {
  // Records: "<len> <key>=<value>\n".
  let i = 0;
  let found: string | undefined;
  while (i < data.length) {
    const sp = data.indexOf(0x20, i);
    if (sp === -1) break;
    const len = parseInt(data.toString('utf8', i, sp), 10);
    if (!(len > 0)) break;
    const rec = data.toString('utf8', sp + 1, i + len - 1);
    const eq = rec.indexOf('=');
    if (rec.slice(0, eq) === 'path') found = rec.slice(eq + 1);
    i += len;
  }
  return found;
}

const isGzip = (b: Buffer) => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;

/** Every regular file in the archive, in order. */
export function readTar(input: Buffer): TarEntry[] {
  let buf: Buffer;
  try {
    buf = isGzip(input) ? gunzipSync(input) : input;
  } catch (e) {
    throw new TarError(`not a readable gzip file (${(e as Error).message})`);
  }
  const out: TarEntry[] = [];
  let at = 0;
  let longName: string | undefined;
  while (at + BLOCK <= buf.length) {
    if (buf.subarray(at, at + BLOCK).every((b) => b === 0)) break;
    if (!checksumOk(buf, at)) throw new TarError(`not a tar archive (bad header checksum at byte ${at})`);
    const type = String.fromCharCode(buf[at + 156] || 0x30);
    const len = size(buf, at + 124);
    const dataStart = at + BLOCK;
    if (dataStart + len > buf.length) throw new TarError('the archive is truncated');
    const data = buf.subarray(dataStart, dataStart + len);
    // POSIX ustar ("ustar\0") has a name prefix field; old GNU ("ustar  ") uses that space otherwise.
    const posix = buf.toString('latin1', at + 257, at + 262) === 'ustar' && buf[at + 262] === 0;
    const prefix = posix ? text(buf, at + 345, 155) : '';
    const name = text(buf, at, 100);
    if (type === 'L') longName = text(data, 0, data.length);
    else if (type === 'x') longName = paxPath(data) ?? longName;
    else if (type !== 'g') {
      // ('g' is a PAX header for the whole archive: nothing in it is needed.)
      const path = longName ?? (prefix ? `${prefix}/${name}` : name);
      longName = undefined;
      if (type === '0' || type === '7')
        out.push({ path: path.replace(/^\.\//, ''), data: Buffer.from(data) });
    }
    at = dataStart + Math.ceil(len / BLOCK) * BLOCK;
  }
  return out;
}
