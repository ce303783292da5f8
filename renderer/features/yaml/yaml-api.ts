import type { CallInput, CallName, CallOutput, ContractError } from '../../../shared/contract';
import type { ApplyFailure } from '../../../shared/contract/apply';
import { api } from '../../lib/api';

/** A failed call with the contract error, including the API server's details when it sent them. */
export class YamlCallError extends Error {
  readonly code: string;
  readonly details?: ApplyFailure;
  constructor(error: ContractError) {
    super(error.message);
    this.name = 'YamlCallError';
    this.code = error.code;
    this.details = error.details as ApplyFailure | undefined;
  }
}

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await api.call(name, input);
  if (!result.ok) throw new YamlCallError(result.error);
  return result.value;
}

export const asCallError = (e: unknown): YamlCallError =>
  e instanceof YamlCallError
    ? e
    : new YamlCallError({ code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) });
