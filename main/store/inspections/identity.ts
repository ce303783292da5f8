import type { FindingInput } from './types';

/** Identity of a finding across runs (the source id is left out so two captures of a cluster compare). */
export const findingIdentity = (f: FindingInput) =>
  [
    f.checkId,
    f.object.cluster,
    f.object.group,
    f.object.kind,
    f.object.namespace,
    f.object.name,
    f.path,
  ].join('\u0000');

/** A 53-bit hash of a string (two 32-bit FNV-1a variants): an exact SQLite integer, cheap to index. */
export function hash53(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}
