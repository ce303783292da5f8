/** Kubernetes `Status` errors: the one way the sim reports a failed request. */

export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export class ApiError extends Error {
  readonly reason: string;
  constructor(
    readonly code: number,
    message: string,
    reason?: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.reason = reason ?? REASONS[code] ?? 'Unknown';
  }

  status(): Record<string, unknown> {
    return statusObject(this.code, this.message, this.reason, this.details);
  }
}

export function statusObject(
  code: number,
  message: string,
  reason?: string,
  details?: StatusDetails,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: code < 400 ? 'Success' : 'Failure',
    message,
    reason: reason ?? REASONS[code] ?? 'Unknown',
    code,
  };
  if (details) out.details = details;
  if (code < 400) delete out.reason;
  return out;
}

/** "pods", "deployments.apps": how a real server names a resource in messages. */
export const qualified = (resource: string, group: string): string =>
  group ? `${resource}.${group}` : resource;

export const notFound = (resource: string, group: string, name: string, kind = resource): ApiError =>
  new ApiError(404, `${qualified(resource, group)} "${name}" not found`, 'NotFound', { name, group, kind });

export const alreadyExists = (resource: string, group: string, name: string): ApiError =>
  new ApiError(409, `${qualified(resource, group)} "${name}" already exists`, 'AlreadyExists', {
    name,
    group,
    kind: resource,
  });

export const conflict = (resource: string, group: string, name: string, why: string): ApiError =>
  new ApiError(
    409,
    `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${why}`,
    'Conflict',
    {
      name,
      group,
      kind: resource,
    },
  );

export const badRequest = (message: string): ApiError => new ApiError(400, message, 'BadRequest');

export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): ApiError {
  const text = causes.map((c) => `${c.field}: ${c.message}`).join(', ');
  return new ApiError(
    422,
    `${kind}${group ? '.' + group : ''} "${name}" is invalid: ${causes.length > 1 ? `[${text}]` : text}`,
    'Invalid',
    { name, group, kind, causes },
  );
}

export const forbidden = (
  user: string,
  verb: string,
  resource: string,
  group: string,
  scope: string,
  name?: string,
): ApiError =>
  new ApiError(
    403,
    `${resource}${name ? ` "${name}"` : ''} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`,
    'Forbidden',
    { name, group, kind: resource },
  );
