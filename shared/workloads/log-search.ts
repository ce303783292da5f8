/**
 * Searching the lines of a log on screen: which lines match, and each line cut into plain and
 * highlighted pieces. Case-insensitive; an empty query matches every line and highlights nothing.
 */

export interface Piece {
  text: string;
  match: boolean;
}

export function splitMatches(line: string, query: string): Piece[] {
  if (!query) return [{ text: line, match: false }];
  const lower = line.toLowerCase();
  const q = query.toLowerCase();
  const out: Piece[] = [];
  let at = 0;
  for (let i = lower.indexOf(q); i >= 0; i = lower.indexOf(q, i + q.length)) {
    if (i > at) out.push({ text: line.slice(at, i), match: false });
    out.push({ text: line.slice(i, i + q.length), match: true });
    at = i + q.length;
  }
  if (at < line.length || out.length === 0) out.push({ text: line.slice(at), match: false });
  return out;
}

/** Indexes of the lines that contain the query. */
export function matchingLines(lines: readonly string[], query: string): number[] {
  if (!query) return [];
  const q = query.toLowerCase();
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) if ((lines[i] as string).toLowerCase().includes(q)) out.push(i);
  return out;
}

/** Splits streamed text into whole lines, keeping the unfinished tail for the next chunk. */
export function splitChunk(carry: string, chunk: string): { lines: string[]; carry: string } {
  const all = carry + chunk;
  const parts = all.split('\n');
  const rest = parts.pop() ?? '';
  return { lines: parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)), carry: rest };
}

/** Keeps the newest `max` lines (the on-screen buffer of a followed log). */
export function appendCapped(lines: readonly string[], more: readonly string[], max: number): string[] {
  const all = lines.concat(more);
  return all.length > max ? all.slice(all.length - max) : all;
}

/** A file name for a downloaded log: `<cluster>_<namespace>_<pod>_<container>.log`, safe characters only. */
export function logFileName(parts: readonly string[]): string {
  return `${parts.map((p) => p.replace(/[^A-Za-z0-9._-]+/g, '-')).join('_')}.log`;
}
