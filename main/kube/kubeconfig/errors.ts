import { where } from './model';

export type KubeconfigErrorCode =
  | 'YAML_SYNTAX'
  | 'NOT_A_KUBECONFIG'
  | 'WRONG_KIND'
  | 'UNREADABLE'
  | 'UNKNOWN_CONTEXT'
  | 'NOT_APPROVED'
  | 'BROKEN_CONTEXT';

/** A kubeconfig that cannot be used at all (or a context that cannot be connected). */
export class KubeconfigError extends Error {
  constructor(
    readonly code: KubeconfigErrorCode,
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly col?: number,
  ) {
    super(message);
    this.name = 'KubeconfigError';
  }

  /** `file:line:col: message`, as compilers print it. */
  static at(
    code: KubeconfigErrorCode,
    file: string,
    what: string,
    line?: number,
    col?: number,
  ): KubeconfigError {
    return new KubeconfigError(code, `${where({ file, line, col })}: ${what}`, file, line, col);
  }
}
