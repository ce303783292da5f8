import { ApplyFailureSchema, type ApplyFailure } from '../../../shared/contract/apply';
import { CallError, messageOf } from '../../lib/call';

/** The editor's view of a failed call: lib/call's CallError, and the API server's details in it. */

export const asCallError = (e: unknown): CallError =>
  e instanceof CallError ? e : new CallError('INTERNAL', messageOf(e));

/** The API server's status, causes and conflict kind that main sent with the error, if any. */
export function failureOf(error: CallError): ApplyFailure | undefined {
  const parsed = ApplyFailureSchema.safeParse(error.details);
  return parsed.success ? parsed.data : undefined;
}
