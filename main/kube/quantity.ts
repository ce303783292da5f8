/**
 * Kubernetes resource quantities ("100m", "1.5", "2Gi", "500M", "1e3") as plain numbers:
 * cores for CPU, bytes for memory. Returns NaN for text that is not a quantity.
 */
const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

export function parseQuantity(text: string | number | undefined | null): number {
  if (typeof text === 'number') return text;
  if (text === undefined || text === null) return NaN;
  const match = QUANTITY.exec(text.trim());
  if (!match) return NaN;
  const [, num, exp, suffix] = match;
  const value = Number(num) * (exp ? 10 ** Number(exp.slice(1)) : SUFFIX[suffix ?? '']!);
  return value;
}
