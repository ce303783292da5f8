/** Kubernetes resource quantities: '250m', '2', '1.5Gi', '128974848', '1e3', '512Ki'. */
export class QuantityError extends Error {
  readonly code = 422;
}

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
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
};

/** The value in base units (cores for cpu, bytes for memory). Throws QuantityError naming the text. */
export function parseQuantity(text: string | number | undefined, field = 'quantity'): number {
  if (text === undefined) return 0;
  if (typeof text === 'number') return text;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(
    text.trim(),
  );
  if (!m) throw new QuantityError(`${field}: "${text}" is not a valid quantity`);
  const base = Number(m[1]) * (m[2] ? 10 ** Number(m[2]) : 1);
  const suffix = m[3] ?? '';
  return base * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

/** Lenient form for reading objects written by others: bad text counts as 0. */
export function quantityOr0(text: unknown): number {
  if (typeof text !== 'string' && typeof text !== 'number') return 0;
  try {
    return parseQuantity(text);
  } catch {
    return 0;
  }
}

export const formatCpu = (cores: number): string => `${Math.max(0, Math.round(cores * 1000))}m`;
export const formatCpuNano = (cores: number): string => `${Math.max(0, Math.round(cores * 1e9))}n`;
export const formatMemory = (bytes: number): string => `${Math.max(0, Math.round(bytes / 1024))}Ki`;
