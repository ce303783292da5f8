import { z } from 'zod';

/** Error codes that cross the contract. A caller can switch on them; the message is for people. */
export const errorCodes = [
  'INVALID_ARGUMENT',
  'UNKNOWN_CALL',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'PERMISSION_DENIED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const ContractError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ContractError = z.infer<typeof ContractError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** An error a service throws on purpose: its code and message cross the contract unchanged. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
