import type { KubeObject } from '../../../shared/objects/types';

/**
 * A list answer (`{"metadata":{…},"items":[{…},{…}]}`) read without parsing it whole: one scan
 * of the bytes finds where each item starts and ends, and items are parsed one at a time when
 * they are read. A page of 500 pods then never exists as 500 parsed objects at once (several
 * times the size of its JSON), only as its bytes and the one item being written, which keeps the
 * garbage of a large sync short-lived.
 */

/** The items of a list page, parsed on demand. Arrays satisfy this too. */
export interface ListItems extends Iterable<KubeObject> {
  readonly length: number;
}

export interface ScannedList {
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: ListItems;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

class LazyItems implements ListItems {
  constructor(
    private readonly body: Buffer,
    /** Start and end offsets of each item, in pairs. */
    private readonly ranges: number[],
    private readonly what: string,
  ) {}

  get length(): number {
    return this.ranges.length / 2;
  }

  *[Symbol.iterator](): Iterator<KubeObject> {
    for (let i = 0; i < this.ranges.length; i += 2) {
      const text = this.body.toString('utf8', this.ranges[i], this.ranges[i + 1]);
      try {
        yield JSON.parse(text) as KubeObject;
      } catch (error) {
        throw new Error(`${this.what}: item ${i / 2} of the list is not JSON (${(error as Error).message})`);
      }
    }
  }
}

/** The end of the string whose opening quote is at `start` (the offset of its closing quote). */
function stringEnd(body: Buffer, start: number): number {
  let at = start + 1;
  for (;;) {
    const q = body.indexOf(QUOTE, at);
    if (q < 0) return -1;
    let slashes = 0;
    for (let b = q - 1; b > start && body[b] === BACKSLASH; b--) slashes++;
    if (slashes % 2 === 0) return q;
    at = q + 1;
  }
}

/**
 * Splits a list answer into its metadata (parsed) and its items (lazily parsed). Returns
 * undefined when the bytes are not a well-formed list object, so the caller can parse them
 * whole and report the real error.
 */
export function scanList(body: Buffer, what: string): ScannedList | undefined {
  let depth = 0;
  let i = 0;
  const n = body.length;
  /** The last string that ended at depth 1: the key of the value that follows. */
  let keyStart = -1;
  let keyEnd = -1;
  let inItems = false;
  let itemStart = -1;
  let metaStart = -1;
  let metadata: ScannedList['metadata'] = {};
  const ranges: number[] = [];
  while (i < n) {
    const c = body[i];
    if (c === QUOTE) {
      const end = stringEnd(body, i);
      if (end < 0 || (depth === 2 && inItems)) return undefined;
      if (depth === 1) {
        keyStart = i + 1;
        keyEnd = end;
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === 0 && c !== OPEN_OBJECT) return undefined;
      if (depth === 1) {
        const key = keyStart >= 0 ? body.toString('utf8', keyStart, keyEnd) : '';
        if (key === 'items' && c === OPEN_ARRAY) inItems = true;
        else if (key === 'metadata' && c === OPEN_OBJECT) metaStart = i;
      } else if (depth === 2 && inItems) {
        if (c !== OPEN_OBJECT) return undefined;
        itemStart = i;
      }
      depth++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      if (depth < 0) return undefined;
      if (depth === 2 && inItems && itemStart >= 0) {
        ranges.push(itemStart, i + 1);
        itemStart = -1;
      } else if (depth === 1) {
        if (inItems) inItems = false;
        if (metaStart >= 0) {
          try {
            metadata = JSON.parse(body.toString('utf8', metaStart, i + 1)) as ScannedList['metadata'];
          } catch {
            return undefined;
          }
          metaStart = -1;
        }
      } else if (depth === 0) {
        // the end of the list object: only white space may follow
        for (let j = i + 1; j < n; j++) {
          if (!isSpace(body[j])) return undefined;
        }
        return { metadata, items: new LazyItems(body, ranges, what) };
      }
    } else if (depth === 2 && inItems && c !== 0x2c && !isSpace(c)) {
      return undefined; // a scalar between items: not a list of objects
    }
    i++;
  }
  return undefined;
}
