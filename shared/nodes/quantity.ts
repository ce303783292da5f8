/**
 * Kubernetes resource quantities ("250m", "1.5", "128Mi", "1e3", "2G") as plain numbers: cores
 * for CPU, bytes for memory. NaN for text that is not a quantity, so callers can name the field.
 */
const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
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

export function parseQuantity(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return Number.NaN;
  const match = QUANTITY.exec(value.trim());
  if (!match) return Number.NaN;
  const [, digits, exponent, suffix] = match;
  if (exponent) return Number(digits + exponent);
  return Number(digits) * SUFFIX[suffix ?? '']!;
}

/** A quantity or 0 when absent or malformed (requests that are not set hold nothing). */
export function quantityOrZero(value: unknown): number {
  const n = parseQuantity(value);
  return Number.isFinite(n) ? n : 0;
}
