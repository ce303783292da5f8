/** Small deterministic random source (mulberry32) so fleets and controllers are reproducible from a seed. */
export interface Rand {
  /** [0, 1) */
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** Kubernetes-style random name suffix from its safe alphabet (no vowels, no confusable digits). */
  suffix(length: number): string;
  hex(length: number): string;
  uuid(): string;
}

const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRand(seed: number | string): Rand {
  let state = (typeof seed === 'string' ? hashString(seed) : seed) >>> 0 || 0x9e3779b9;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const fromAlphabet = (alphabet: string, length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  const hex = (length: number): string => fromAlphabet('0123456789abcdef', length);
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    suffix: (length) => fromAlphabet(SAFE, length),
    hex,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
  };
}

/** A stable short hash in the safe alphabet, like a pod-template-hash. */
export function safeHash(text: string, length = 10): string {
  let h1 = hashString(text);
  let h2 = hashString(`${text}#`);
  let out = '';
  for (let i = 0; i < length; i++) {
    const source = i % 2 === 0 ? h1 : h2;
    out += SAFE[source % SAFE.length];
    if (i % 2 === 0) h1 = Math.floor(h1 / SAFE.length) || hashString(out);
    else h2 = Math.floor(h2 / SAFE.length) || hashString(`${out}!`);
  }
  return out;
}
