import {
  AppError,
  calls,
  fail,
  ok,
  type CallName,
  type CallOutput,
  type Calls,
  type Result,
} from '../../shared/contract';
import type { z } from 'zod';
import type { Logger } from '../services/log';

/** A handler receives input that already passed its schema. */
export type Handlers = {
  [N in CallName]: (input: z.output<Calls[N]['input']>) => Promise<CallOutput<N>> | CallOutput<N>;
};

export interface Router {
  dispatch(name: unknown, input: unknown): Promise<Result<unknown>>;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Binds the contract to handlers. Unknown names and invalid arguments are refused here,
 * before any service runs; results are checked against their schema so a service can
 * never send the renderer something the contract does not declare.
 */
export function createRouter(handlers: Handlers, log: Logger): Router {
  return {
    async dispatch(name, input) {
      if (typeof name !== 'string' || !Object.hasOwn(calls, name)) {
        return fail('UNKNOWN_CALL', `Unknown call ${JSON.stringify(name)}`);
      }
      const call = calls[name as CallName];
      const parsed = call.input.safeParse(input ?? {});
      if (!parsed.success) {
        return fail('INVALID_ARGUMENT', `${name}: ${describeIssues(parsed.error)}`);
      }
      try {
        const handler = handlers[name as CallName] as (input: unknown) => unknown;
        const value = await handler(parsed.data);
        const checked = call.output.safeParse(value);
        if (!checked.success) {
          log.error(`${name} returned a result outside the contract: ${describeIssues(checked.error)}`);
          return fail('INTERNAL', `${name} produced an invalid result`);
        }
        return ok(checked.data);
      } catch (error) {
        if (error instanceof AppError) return fail(error.code, error.message, error.details);
        log.error(`${name} failed`, error);
        return fail('INTERNAL', `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
